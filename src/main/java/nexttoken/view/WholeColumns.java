package nexttoken.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Every column of a table at least as wide as its header and its widest cell, measured as they
 * are drawn: in the font CSS gave the header's label and the cells, after each layout. When the
 * headers on one line are wider than the table, a header wider than its cells goes on two lines
 * ("pérdida" over "−log p"). Measured once in the controls' font, the training view's pairs
 * header read "contexto → palabra sigui…" in the projector's larger bold type (issue 17). The
 * table's resize policy shares out what is left.
 */
final class WholeColumns {
    private final TableView<?> table;
    private final Text measure = new Text();
    /** Each header's text as the view gave it, on one line. */
    private final Map<TableColumnBase<?, ?>, String> headers = new HashMap<>();
    private final Set<TableColumnBase<?, ?>> onTwoLines = new HashSet<>();

    private WholeColumns(TableView<?> table) {
        this.table = table;
    }

    static WholeColumns fit(TableView<?> table) {
        WholeColumns fit = new WholeColumns(table);
        table.needsLayoutProperty().addListener((o, was, is) -> {
            if (!is) {
                fit.measure();
            }
        });
        return fit;
    }

    /** Sets a column's header; it is shown on one line or two, as the table's width decides. */
    void header(TableColumn<?, ?> column, String text) {
        headers.put(column, text);
        show(column);
    }

    private void show(TableColumnBase<?, ?> column) {
        String text = headers.get(column);
        String shown = onTwoLines.contains(column) ? twoLines(text) : text;
        if (!shown.equals(column.getText())) {
            column.setText(shown);
        }
    }

    /** The text broken at the space nearest its middle; unchanged when it has none. */
    static String twoLines(String text) {
        int middle = text.length() / 2;
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return best < 0 ? text : text.substring(0, best) + "\n" + text.substring(best + 1);
    }

    private double width(String text, Font font) {
        measure.setFont(font);
        double widest = 0;
        for (String line : text.split("\n")) {
            measure.setText(line);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private void measure() {
        Map<TableColumnBase<?, ?>, Double> cells = new HashMap<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableColumn() != null
                    && cell.getText() != null && !cell.getText().isEmpty()) {
                double w = width(cell.getText(), cell.getFont()) + cell.snappedLeftInset() + cell.snappedRightInset();
                cells.merge(cell.getTableColumn(), w, Math::max);
            }
        }
        Map<TableColumnBase<?, ?>, double[]> header = new HashMap<>();
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null && h.lookup(".label") instanceof Label label) {
                TableColumnBase<?, ?> column = h.getTableColumn();
                String text = headers.getOrDefault(column, column.getText() == null ? "" : column.getText());
                double padding = h.snappedLeftInset() + h.snappedRightInset() + label.snappedLeftInset()
                        + label.snappedRightInset();
                header.put(column, new double[] {width(text, label.getFont()) + padding,
                        width(twoLines(text), label.getFont()) + padding});
            }
        }
        if (header.isEmpty()) {
            return;
        }
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        double total = 0;
        Map<TableColumnBase<?, ?>, Double> wanted = new HashMap<>();
        for (var e : header.entrySet()) {
            double w = Math.max(e.getValue()[0], cells.getOrDefault(e.getKey(), 0.0));
            wanted.put(e.getKey(), w);
            total += Math.ceil(w) + 2;
        }
        // Headers go on two lines, the one that gives back the most first, until the row fits.
        List<TableColumnBase<?, ?>> byGain = new ArrayList<>(header.keySet());
        byGain.sort((a, b) -> Double.compare(gain(b, header, cells), gain(a, header, cells)));
        Set<TableColumnBase<?, ?>> broken = new HashSet<>();
        for (TableColumnBase<?, ?> c : byGain) {
            if (total <= room || gain(c, header, cells) <= 0 || !headers.containsKey(c)) {
                break;
            }
            double w = Math.max(header.get(c)[1], cells.getOrDefault(c, 0.0));
            total -= wanted.get(c) - w;
            wanted.put(c, w);
            broken.add(c);
        }
        if (!broken.equals(onTwoLines)) {
            onTwoLines.clear();
            onTwoLines.addAll(broken);
            headers.keySet().forEach(this::show);
        }
        wanted.forEach((column, w) -> {
            double min = Math.ceil(w) + 2;
            // The texts, fonts and the table's width decide it, not the column's width now: the table settles.
            if (Math.abs(min - column.getMinWidth()) > 0.5) {
                column.setMinWidth(min);
            }
        });
    }

    /** What a header on two lines gives back of its column's width (nothing when its cells are as wide). */
    private static double gain(TableColumnBase<?, ?> c, Map<TableColumnBase<?, ?>, double[]> header,
            Map<TableColumnBase<?, ?>, Double> cells) {
        double cell = cells.getOrDefault(c, 0.0);
        return Math.max(header.get(c)[0], cell) - Math.max(header.get(c)[1], cell);
    }
}
