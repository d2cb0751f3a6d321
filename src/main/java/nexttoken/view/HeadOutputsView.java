package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import nexttoken.model.Trace;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.report.AttentionPanels;

/**
 * What the heads hand on for the last word: per head, where it looks (a weight per word read)
 * and its weighted sum Σⱼ aⱼ vⱼ written out; then the heads joined through W_O and the
 * residual r = x + attention output; in a lesson without a feed-forward step, h = r last.
 */
public final class HeadOutputsView extends StepView {
    /** Set while the heads have the stage's whole width (no feed-forward step): larger type. */
    private static final javafx.css.PseudoClass WHOLE_WIDTH = javafx.css.PseudoClass.getPseudoClass("whole-width");
    private final VBox lines = new VBox(4);

    public HeadOutputsView(Presenter presenter) {
        super(presenter, List.of(Step.HEADS), "head-outputs-view");
        lines.setId("head-outputs");
        // Wrapped lines take the panel's width; a long unit or chip row must not widen the column past it.
        lines.setMinWidth(0);
        setContent(lines);
    }

    @Override
    public String exportName() {
        return "heads";
    }

    @Override
    protected String titleKey() {
        return "view.heads.title";
    }

    @Override
    protected String captionText() {
        boolean wo = presenter.getLesson().isAttention() && presenter.getLesson().attention().output() != null;
        return texts.get(wo ? "view.heads.caption.wo" : "view.heads.caption");
    }

    /** Every line of text shown, top to bottom, as the class reads them (tests read the panel through it). */
    public List<String> shownText() {
        List<String> out = new ArrayList<>();
        for (Node n : lines.getChildren()) {
            if (n instanceof Label l) {
                out.add(l.getText());
            } else if (n instanceof FlowPane f) {
                StringBuilder row = new StringBuilder();
                for (Node c : f.getChildren()) {
                    row.append(row.length() == 0 ? "" : " ").append(((Label) c).getText());
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        AttentionPanels.HeadOutputs out = AttentionPanels.heads(t, texts.locale());
        if (out == null) {
            lines.getChildren().setAll(line(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale()), "equation"));
            return;
        }
        // Rebuilt on each redraw: a handful of labels, and a head count or a prompt length may change with the lesson.
        List<Node> shown = new ArrayList<>();
        List<Integer> context = t.context().indices();
        for (AttentionPanels.HeadSum head : out.heads()) {
            String intro = out.heads().size() > 1
                    ? texts.format("view.heads.looks.head", head.number(), head.word())
                    : texts.format("view.heads.looks", head.word());
            shown.add(line(intro, "heads-intro"));
            FlowPane weights = new FlowPane(12, 2);
            weights.setMinWidth(0);
            weights.getStyleClass().add("head-weights");
            for (int j = 0; j < head.weights().size(); j++) {
                AttentionPanels.Shown a = head.weights().get(j);
                Label chip = line(head.words().get(j) + " " + a.text(), "head-weight");
                TokenColors.paintText(chip, TokenColors.text(context.get(j), presenter.getTheme()));
                if (a.exact() != null) {
                    chip.setTooltip(new Tooltip(a.exact()));
                }
                weights.getChildren().add(chip);
            }
            shown.add(weights);
            Label sum = line(head.line(), "equation");
            if (head.output().exact() != null) {
                sum.setTooltip(new Tooltip(head.output().exact()));
            }
            shown.add(sum);
        }
        shown.add(line(out.outputLine(), "equation"));
        shown.add(WorkedLines.line(out.residualLine(), "heads-residual", "heads-residual", out.residual().exact()));
        // Without a feed-forward step the heads have the whole width and h is r: said here, where r is.
        boolean alone = !presenter.path().contains(Step.FEED_FORWARD);
        lines.pseudoClassStateChanged(WHOLE_WIDTH, alone);
        AttentionPanels.FeedForward ff = alone ? AttentionPanels.feedForward(t, texts.locale()) : null;
        if (ff != null && !ff.present()) {
            shown.add(WorkedLines.line(ff.lines().get(0), "feed-forward-h", "heads-h", ff.h().exact()));
        }
        lines.getChildren().setAll(shown);
    }

    private static Label line(String text, String style) {
        return WorkedLines.line(text, style);
    }
}
