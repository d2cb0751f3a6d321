package nexttoken.view;

import nexttoken.model.LessonKind;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import nexttoken.model.Normalization;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/** A numbered chip per step, the current one lit; the numbers are the digit keys that jump there. */
public final class StepChips extends FlowPane {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final Presenter presenter;
    private final Texts texts;
    private final InvalidationListener onChange = o -> refresh();

    public StepChips(Presenter presenter) {
        super(6, 6);
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("step-chips");
        setAlignment(Pos.CENTER_LEFT);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    private final RedrawKey drawn = new RedrawKey();

    /** Rebuilt only when the step, the path or the language changed: a slider move changes none of them. */
    private void refresh() {
        if (!drawn.changed(presenter.getStep(), presenter.getLesson().kind(), presenter.path(),
                presenter.getLesson().normalization(), texts.locale())) {
            return;
        }
        Step current = presenter.getStep();
        List<Step> path = presenter.path();
        getChildren().clear();
        for (int i = 0; i < path.size(); i++) {
            Step s = path.get(i);
            Button chip = new Button((i + 1) + " " + stepName(s));
            chip.getStyleClass().add("step-chip");
            chip.setFocusTraversable(false);
            chip.pseudoClassStateChanged(CURRENT, s == current);
            chip.pseudoClassStateChanged(DONE, i < path.indexOf(current));
            chip.setOnAction(e -> presenter.goTo(s));
            chip.setId("step-" + s.name().toLowerCase(java.util.Locale.ROOT));
            getChildren().add(chip);
        }
    }

    private String stepName(Step s) {
        if (s == Step.NORMALIZE) {
            return presenter.getLesson().normalization() == Normalization.NORM ? "norm" : "softmax";
        }
        return texts.get(s.nameKey());
    }
}
