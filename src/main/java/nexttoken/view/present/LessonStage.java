package nexttoken.view.present;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import nexttoken.presenter.Presenter;
import nexttoken.view.CompositionBar;
import nexttoken.view.SentenceStrip;
import nexttoken.view.TypeScale;
import nexttoken.view.step.StepViews;
import nexttoken.view.step.ViewGrid;

/**
 * Only the lesson — the composition, the sentence, the panels — with no toolbar, menus or
 * controls: what the class sees on the projector, and the presenter window's pictures of
 * the current and the next step. Its type grows with its own size and its presenter's zoom.
 */
public final class LessonStage extends BorderPane {
    private final Presenter presenter;
    private final ViewGrid grid;
    // Held in a field: the revision keeps only a weak reference, so a closed window's stage can be collected.
    private final InvalidationListener onChange = o -> refresh();

    public LessonStage(Presenter presenter) {
        this.presenter = presenter;
        getStyleClass().addAll("main-view", "lesson-stage");
        // A panel's PNG button means nothing to the class: nothing happens on export here.
        grid = new ViewGrid(new StepViews(presenter, view -> { }));
        SentenceStrip sentence = new SentenceStrip(presenter);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        HBox formulaRow = new HBox(28, new CompositionBar(presenter), sentence);
        formulaRow.setAlignment(Pos.CENTER_LEFT);
        formulaRow.getStyleClass().add("formula-row");
        setTop(formulaRow);
        setCenter(grid);
        widthProperty().addListener(o -> TypeScale.apply(this, presenter));
        heightProperty().addListener(o -> TypeScale.apply(this, presenter));
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    private void refresh() {
        grid.arrange(presenter.getLesson(), presenter.getStep());
        TypeScale.apply(this, presenter);
    }
}
