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
    /** Characters past which the composition is set in the smaller type. */
    private static final int LONG_FORMULA = 24;

    public CompositionBar(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().addAll("composition-bar", "formula");
        setAlignment(Pos.BASELINE_LEFT);
        // The composition is never cut ("sof... (f2"): the sentence beside it wraps instead.
        setMinWidth(USE_PREF_SIZE);
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
        formula.getChildren().clear();
        List<LessonViews.Term> terms = LessonViews.formula(presenter.getLesson(), texts);
        // softmax(f2(h(attention(x + PE)))) is twice as long as norm(f2(f1(x))): in the same type it
        // would push the sentence off a 1024-pixel projector, so long compositions are set smaller.
        int length = terms.stream().mapToInt(t -> t.text().length()).sum();
        if ((length > LONG_FORMULA) != getStyleClass().contains("formula-long")) {
            if (length > LONG_FORMULA) {
                getStyleClass().add("formula-long");
            } else {
                getStyleClass().remove("formula-long");
            }
        }
        for (LessonViews.Term p : terms) {
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
