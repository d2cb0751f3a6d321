package nexttoken.view;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * A table in a scrolling column is as tall as its rows: the column scrolls, and the table does
 * not scroll inside it, hiding a fifth pair or the last weights behind a second scroll bar
 * (issue 17). The height follows the rows and the type, measured from the table's own cells.
 */
final class AllRowsTable {
    private AllRowsTable() {
    }

    static void fit(TableView<?> table) {
        Runnable update = () -> {
            Node row = table.lookup(".table-row-cell");
            Node header = table.lookup(".column-header-background");
            if (!(row instanceof Region r) || r.getHeight() <= 0 || !(header instanceof Region h)) {
                return;
            }
            double height = Math.ceil(h.getHeight() + table.getItems().size() * r.getHeight()
                    + table.snappedTopInset() + table.snappedBottomInset()) + 2;
            if (Math.abs(table.getPrefHeight() - height) > 0.5) {
                table.setPrefHeight(height);
                table.setMinHeight(height);
            }
        };
        table.getItems().addListener((javafx.beans.InvalidationListener) o -> update.run());
        table.itemsProperty().addListener(o -> update.run());
        table.heightProperty().addListener(o -> update.run());
        table.widthProperty().addListener(o -> update.run());
        table.needsLayoutProperty().addListener((o, was, is) -> {
            if (!is) {
                update.run();
            }
        });
    }
}
