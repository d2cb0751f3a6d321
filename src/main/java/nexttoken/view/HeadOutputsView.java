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
 * What the heads give one word read, the last until a student picks another (here or on the
 * attention map's rows): per head, where it looks (a weight per word up to it) and its weighted
 * sum Σⱼ aⱼ vⱼ written out; then the last word's heads joined through W_O and the residual
 * r = x + attention output, which only the last word goes on to; in a lesson without a
 * feed-forward step, h = r last.
 */
public final class HeadOutputsView extends StepView {
    /** Set while the heads have the stage's whole width (no feed-forward step): larger type. */
    private static final javafx.css.PseudoClass WHOLE_WIDTH = javafx.css.PseudoClass.getPseudoClass("whole-width");
    private final VBox lines = new VBox(4);
    private final Label pickIntro = new Label();
    private final ChoiceButtons wordSwitch;
    /** The words read the switch was made for: a pick is a position among them. */
    private List<String> wordsRead = List.of();

    public HeadOutputsView(Presenter presenter) {
        super(presenter, List.of(Step.HEADS), "head-outputs-view");
        lines.setId("head-outputs");
        // Wrapped lines take the panel's width; a long unit or chip row must not widen the column past it.
        lines.setMinWidth(0);
        pickIntro.getStyleClass().add("heads-intro");
        javafx.scene.layout.HBox words = new javafx.scene.layout.HBox(6);
        wordSwitch = new ChoiceButtons(words, "heads-word-", b -> { }, i -> presenter.setShownWord(i, wordsRead));
        FlowPane pick = new FlowPane(8, 4, pickIntro, words);
        pick.setId("heads-pick");
        pick.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        pick.setMinWidth(0);
        setContent(new VBox(6, pick, lines));
    }

    /** Picks the word at {@code position} of those read, as its button (or its row on the map) does. */
    public void pickWord(int position) {
        presenter.setShownWord(position, wordsRead);
    }

    /** The position of the word whose sums are written out (0 is the first word read). */
    public int shownWord() {
        return presenter.getShownWord(wordsRead);
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
        if (t.attention() == null) {
            wordsRead = List.of();
            pickIntro.setText("");
            wordSwitch.show(List.of(), 0);
            lines.getChildren().setAll(line(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale()), "equation"));
            return;
        }
        wordsRead = t.context().context();
        int word = presenter.getShownWord(wordsRead);
        AttentionPanels.HeadOutputs out = AttentionPanels.heads(t, texts.locale(), word);
        pickIntro.setText(texts.get("view.heads.pick"));
        List<String> words = wordsRead;
        List<String> labels = new ArrayList<>(words.size());
        for (int j = 0; j < words.size(); j++) {
            // Numbered as in q/k/v's table: a word read twice ("es … es") is still two buttons a class tells apart.
            labels.add(words.get(j) + " " + Texts.subscript(j));
        }
        wordSwitch.show(labels, word);
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
        if (!out.ofLastWord()) {
            // The lines below are the last word's: said before them, so that its o's are not read as these.
            shown.add(line(texts.format("view.heads.last", out.lastWord()), "heads-intro"));
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
