package nexttoken.view;

import nexttoken.view.step.LessonViews;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/**
 * The composition across the top, norm(f2(f1(x))) or its variants, with the current
 * step lit; clicking a function goes to its step.
 */
public final class CompositionBar extends HBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final Presenter presenter;
    private final Texts texts;
    private final HBox formula = this;
    private final InvalidationListener onChange = o -> refresh();

    public CompositionBar(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().addAll("composition-bar", "formula");
        setAlignment(Pos.BASELINE_LEFT);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    private final RedrawKey drawn = new RedrawKey();

    /** Rebuilt only when the step, the path or the language changed: a slider move changes none of them. */
    private void refresh() {
        if (!drawn.changed(presenter.getStep(), presenter.getLesson().kind(), presenter.getLesson().normalization(),
                texts.locale())) {
            return;
        }
        Step current = presenter.getStep();
        List<Step> path = presenter.path();
        formula.getChildren().clear();
        for (LessonViews.Term p : LessonViews.formula(presenter.getLesson().kind(), presenter.getLesson().normalization(), texts)) {
            Label l = new Label(p.text());
            l.getStyleClass().add(p.step() == null ? "formula-bracket" : "formula-part");
            if (p.step() != null) {
                l.pseudoClassStateChanged(CURRENT, p.step() == current);
                l.pseudoClassStateChanged(DONE, path.indexOf(p.step()) < path.indexOf(current));
                l.setOnMouseClicked(e -> presenter.goTo(p.step()));
            }
            formula.getChildren().add(l);
        }
    }

}
