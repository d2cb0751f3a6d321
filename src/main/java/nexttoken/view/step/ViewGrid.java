package nexttoken.view.step;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import nexttoken.model.Lesson;
import nexttoken.presenter.Step;
import nexttoken.view.LayoutBoundary;

/**
 * The step views of a lesson in the rows {@link LessonViews} gives its kind at the current
 * step; rebuilt only when that stage changes (a kind with one stage: only when the kind does).
 */
public final class ViewGrid extends VBox {
    private final StepViews views;
    private final Map<Region, LayoutBoundary> cells = new HashMap<>();
    private LessonViews.Stage arranged;

    public ViewGrid(StepViews views) {
        super(10);
        this.views = views;
        getStyleClass().add("view-grid");
    }

    public void arrange(Lesson lesson, Step step) {
        LessonViews.Stage stage = LessonViews.stageAt(lesson, step);
        if (stage.equals(arranged)) {
            return;
        }
        arranged = stage;
        getChildren().setAll(stage.rows().stream().map(this::row).toList());
    }

    /** One row of views: a share of the height, then each view with its share of the width. */
    private GridPane row(LessonViews.Row spec) {
        GridPane row = new GridPane();
        row.setHgap(10);
        int column = 0;
        for (LessonViews.Cell c : spec.cells()) {
            Region view = views.get(c.view());
            ColumnConstraints width = new ColumnConstraints();
            width.setPercentWidth(c.widthPercent());
            row.getColumnConstraints().add(width);
            view.setMinSize(0, 0);
            view.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            Region cell = cells.computeIfAbsent(view, LayoutBoundary::new);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            row.add(cell, column++, 0);
        }
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setFillHeight(true);
        row.getRowConstraints().add(r);
        row.setMinHeight(0);
        // Each row gets its share of the height, less its half of the gap between the two rows.
        row.prefHeightProperty().bind(heightProperty().subtract(getPadding().getTop()
                + getPadding().getBottom() + getSpacing()).multiply(spec.heightPercent() / 100));
        row.setMaxHeight(Region.USE_PREF_SIZE);
        return row;
    }
}
