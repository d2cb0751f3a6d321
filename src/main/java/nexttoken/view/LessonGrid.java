package nexttoken.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import nexttoken.model.LessonKind;
import nexttoken.presenter.Presenter;

/**
 * The step panels in two rows, arranged for the lesson's kind: part 1 has a lookup,
 * parts 3 on have embeddings. The main window, the projector window and the presenter's
 * preview each have one (a node belongs to one scene), over the same session.
 */
public final class LessonGrid extends VBox {

    /** One of each panel, over one presenter. */
    public record Panels(TokenTableView tokens, WeightedSumView weightedSum, LogitsView logits,
            DistributionView distribution, LookupView lookup, EmbeddingScatterView scatter) {
        public static Panels of(Presenter presenter) {
            return new Panels(new TokenTableView(presenter), new WeightedSumView(presenter), new LogitsView(presenter),
                    new DistributionView(presenter), new LookupView(presenter), new EmbeddingScatterView(presenter));
        }

        public List<StepView> all() {
            return List.of(tokens, weightedSum, logits, distribution, lookup, scatter);
        }
    }

    private final Panels panels;
    private final Map<Region, LayoutBoundary> cells = new HashMap<>();
    private LessonKind shape;

    public LessonGrid(Panels panels) {
        super(10);
        this.panels = panels;
        getStyleClass().add("view-grid");
    }

    public Panels panels() {
        return panels;
    }

    /** Lays the panels out for {@code kind}; nothing moves when the kind is the one already shown. */
    public void arrange(LessonKind kind) {
        if (kind == shape) {
            return;
        }
        shape = kind;
        Panels p = panels;
        switch (kind) {
            case LOOKUP -> getChildren().setAll(row(50, p.tokens(), 40, p.weightedSum(), 60), row(50, p.lookup(), 100));
            case IDS -> getChildren().setAll(row(44, p.tokens(), 40, p.weightedSum(), 60),
                    row(56, p.logits(), 40, p.distribution(), 60));
            // f1's table of terms is the widest of the three (two numbers and a product per
            // dimension); the scatter reads well narrower.
            case EMBEDDINGS -> getChildren().setAll(row(50, p.tokens(), 33, p.weightedSum(), 37, p.scatter(), 30),
                    row(50, p.logits(), 36, p.distribution(), 64));
        }
    }

    /** One row of views: a share of the height, then each view with its share of the width. */
    private GridPane row(double heightPercent, Object... viewsAndWidths) {
        GridPane row = new GridPane();
        row.setHgap(10);
        for (int i = 0; i < viewsAndWidths.length; i += 2) {
            Region view = (Region) viewsAndWidths[i];
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(((Number) viewsAndWidths[i + 1]).doubleValue());
            row.getColumnConstraints().add(c);
            view.setMinSize(0, 0);
            view.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            Region cell = cells.computeIfAbsent(view, LayoutBoundary::new);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            row.add(cell, i / 2, 0);
        }
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setFillHeight(true);
        row.getRowConstraints().add(r);
        row.setMinHeight(0);
        // Each row gets its share of the height, less its half of the gap between the two rows.
        row.prefHeightProperty().bind(heightProperty().subtract(getPadding().getTop()
                + getPadding().getBottom() + getSpacing()).multiply(heightPercent / 100));
        row.setMaxHeight(Region.USE_PREF_SIZE);
        return row;
    }
}
