package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nexttoken.model.Normalization;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/**
 * The composition across the top, norm(f2(f1(x))) or its variants, with the current
 * step lit, and a numbered chip per step; clicking either goes to that step.
 */
public final class CompositionBar extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final Presenter presenter;
    private final Texts texts;
    private final HBox formula = new HBox();
    private final FlowPane chips = new FlowPane(6, 6);
    private final InvalidationListener onChange = o -> refresh();

    public CompositionBar(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("composition-bar");
        formula.getStyleClass().add("formula");
        formula.setAlignment(Pos.BASELINE_LEFT);
        chips.getStyleClass().add("step-chips");
        HBox row = new HBox(24, formula, chips);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(row);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    private record Part(String text, Step step) {
    }

    private List<Part> parts() {
        List<Part> out = new ArrayList<>();
        if (presenter.getLesson().isLookup()) {
            out.add(new Part(texts.get("formula.lookup"), Step.LOOKUP));
        } else {
            boolean norm = presenter.getLesson().normalization() == Normalization.NORM;
            out.add(new Part(norm ? "norm" : "softmax", Step.NORMALIZE));
            out.add(new Part("(", null));
            out.add(new Part("f2", Step.F2));
        }
        out.add(new Part("(", null));
        out.add(new Part("f1", Step.F1));
        out.add(new Part("(", null));
        out.add(new Part("x", Step.INPUT));
        out.add(new Part(presenter.getLesson().isLookup() ? "))" : ")))", null));
        return out;
    }

    private void refresh() {
        Step current = presenter.getStep();
        List<Step> path = presenter.path();
        formula.getChildren().clear();
        for (Part p : parts()) {
            Label l = new Label(p.text());
            l.getStyleClass().add(p.step() == null ? "formula-bracket" : "formula-part");
            if (p.step() != null) {
                l.pseudoClassStateChanged(CURRENT, p.step() == current);
                l.pseudoClassStateChanged(DONE, path.indexOf(p.step()) < path.indexOf(current));
                l.setOnMouseClicked(e -> presenter.goTo(p.step()));
            }
            formula.getChildren().add(l);
        }
        chips.getChildren().clear();
        for (int i = 0; i < path.size(); i++) {
            Step s = path.get(i);
            Button chip = new Button((i + 1) + " " + stepName(s));
            chip.getStyleClass().add("step-chip");
            chip.setFocusTraversable(false);
            chip.pseudoClassStateChanged(CURRENT, s == current);
            chip.pseudoClassStateChanged(DONE, i < path.indexOf(current));
            chip.setOnAction(e -> presenter.goTo(s));
            chip.setId("step-" + s.name().toLowerCase(java.util.Locale.ROOT));
            chips.getChildren().add(chip);
        }
    }

    private String stepName(Step s) {
        if (s == Step.NORMALIZE) {
            return presenter.getLesson().normalization() == Normalization.NORM ? "norm" : "softmax";
        }
        return texts.get(s.nameKey());
    }
}
