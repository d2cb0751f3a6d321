package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import nexttoken.model.Trace;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.report.AttentionPanels;

/**
 * The feed-forward step from r to h: z = r·W1 + b1 written out, then each hidden unit before
 * and after ReLU — a unit whose z was negative is struck through and marked "cut to 0", the
 * thing a class misses in a plain list of numbers — then f = u·W2 + b2 and h = r + f. A lesson
 * without the step has no such panel (LessonViews leaves it out; the heads' panel ends with h = r).
 */
public final class FeedForwardView extends StepView {
    private static final PseudoClass CUT = PseudoClass.getPseudoClass("cut");

    private final VBox lines = new VBox(5);

    public FeedForwardView(Presenter presenter) {
        super(presenter, List.of(Step.FEED_FORWARD), "feed-forward-view");
        lines.setId("feed-forward");
        // Wrapped lines take the panel's width; a long unit or chip row must not widen the column past it.
        lines.setMinWidth(0);
        setContent(lines);
    }

    @Override
    public String exportName() {
        return "feed-forward";
    }

    @Override
    protected String titleKey() {
        return "view.feedForward.title";
    }

    @Override
    protected String captionText() {
        return texts.get("view.feedForward.caption");
    }

    /** The hidden units' labels (as shown) and whether each is marked cut, for tests. */
    public record UnitShown(String text, boolean markedCut) {
    }

    public List<UnitShown> units() {
        List<UnitShown> out = new ArrayList<>();
        for (Node n : lines.getChildren()) {
            if (n instanceof VBox f && f.getStyleClass().contains("relu-units")) {
                for (Node c : f.getChildren()) {
                    out.add(new UnitShown(((Label) c).getText(), c.getPseudoClassStates().contains(CUT)));
                }
            }
        }
        return out;
    }

    /** The lines of text shown, top to bottom (units excepted). */
    public List<String> shownLines() {
        return lines.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        AttentionPanels.FeedForward ff = AttentionPanels.feedForward(t, texts.locale());
        if (ff == null || !ff.present()) {
            lines.getChildren().setAll(line(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale()), "equation"));
            return;
        }
        List<Node> shown = new ArrayList<>();
        // z, then the units through ReLU, then f and h: the order the numbers are computed in.
        shown.add(line(ff.lines().get(0), "equation"));
        // One unit a line: each takes the panel's width and wraps in it, however long the language's words.
        VBox units = new VBox(4);
        units.setMinWidth(0);
        units.getStyleClass().add("relu-units");
        units.setId("relu-units");
        for (AttentionPanels.HiddenUnit u : ff.units()) {
            String sub = Texts.subscript(u.number());
            String text = "z" + sub + " = " + u.preActivation().text() + "  →  u" + sub + " = " + u.hidden().text()
                    + (u.cut() ? "  ✂ " + texts.get("view.feedForward.cut") : "");
            Label unit = line(text, "relu-unit");
            unit.pseudoClassStateChanged(CUT, u.cut());
            if (u.preActivation().exact() != null) {
                unit.setTooltip(new Tooltip("z" + sub + " = " + u.preActivation().exact()));
            }
            units.getChildren().add(unit);
        }
        shown.add(units);
        shown.add(line(ff.lines().get(1), "equation"));
        shown.add(line(ff.lines().get(2), "equation"));
        shown.add(WorkedLines.line(ff.lines().get(3), "feed-forward-h", "feed-forward-h", ff.h().exact()));
        lines.getChildren().setAll(shown);
    }

    private static Label line(String text, String style) {
        return WorkedLines.line(text, style);
    }
}
