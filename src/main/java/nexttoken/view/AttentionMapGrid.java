package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;
import nexttoken.presenter.Theme;
import nexttoken.report.AttentionMap;

/**
 * An attention map as a lower-triangular grid of labels: rows are the word looking, columns
 * the word looked at, every cell with its number; masked cells (a later word) say so instead
 * of showing 0; with the weights, each row ends with its sum. Labels rather than a Canvas:
 * a map has at most a window's words squared, and labels are read by tests and screen readers.
 * It draws an {@link AttentionMap.Data} and knows nothing of a presenter, so the live view and
 * the training view share it.
 */
public final class AttentionMapGrid extends GridPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** The most a weight tints its cell: darker, and the number on it would stop reading from the back. */
    private static final double MOST_TINT = 0.55;

    private final List<Label> columnHeads = new ArrayList<>();
    private final List<Label> rowHeads = new ArrayList<>();
    private final List<List<Label>> cells = new ArrayList<>();
    private final List<Label> sums = new ArrayList<>();
    private final Label corner = new Label();
    private final Label sumHead = new Label("Σ");
    private BiConsumer<Integer, Integer> onCell = (i, j) -> { };
    private java.util.function.IntConsumer onRow = i -> { };
    private int built = -1;
    private AttentionMap.Data shown;

    public AttentionMapGrid() {
        getStyleClass().add("attention-map");
        setHgap(4);
        setVgap(4);
        corner.getStyleClass().add("map-corner");
        sumHead.getStyleClass().add("map-head");
    }

    /** Called with (row, column) when a cell is clicked. */
    public void setOnCell(BiConsumer<Integer, Integer> action) {
        onCell = action;
    }

    /** Called with the row when the word heading it (the word looking) is clicked. */
    public void setOnRow(java.util.function.IntConsumer action) {
        onRow = action;
    }

    /** Marks the word heading row i as the one picked (-1: none), after {@link #show}. */
    public void markRow(int picked) {
        for (int i = 0; i < rowHeads.size(); i++) {
            rowHeads.get(i).pseudoClassStateChanged(SELECTED, i == picked);
        }
    }

    /** The label heading row i (the word looking), for tests. */
    public Label rowHead(int i) {
        return rowHeads.get(i);
    }

    /** The data drawn last; null before the first. */
    public AttentionMap.Data shown() {
        return shown;
    }

    /** The label of cell (i, j), for tests. */
    public Label cell(int i, int j) {
        return cells.get(i).get(j);
    }

    /** The label of row i's sum, for tests; empty text unless the weights are shown. */
    public Label sum(int i) {
        return sums.get(i);
    }

    /**
     * Draws the data; {@code selected} is the clicked cell (null for none).
     *
     * @param cornerText what the corner says (which way the rows and columns read)
     */
    public void show(AttentionMap.Data data, int[] selected, Theme theme, Texts texts, String cornerText,
            String maskedText) {
        shown = data;
        int n = data.size();
        if (n != built) {
            build(n);
        }
        corner.setText(cornerText);
        boolean weights = data.shown() == AttentionMap.Shown.WEIGHTS;
        for (int j = 0; j < n; j++) {
            paint(columnHeads.get(j), data.words().get(j), data.tokens().get(j), theme);
            paint(rowHeads.get(j), data.words().get(j), data.tokens().get(j), theme);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Label c = cells.get(i).get(j);
                boolean masked = data.masked(i, j);
                boolean isSelected = selected != null && selected[0] == i && selected[1] == j;
                c.pseudoClassStateChanged(SELECTED, isSelected);
                setClass(c, "map-masked", masked);
                if (masked) {
                    c.setText(maskedText);
                    c.setTooltip(null);
                    c.setBackground(null);
                    continue;
                }
                double v = data.value(i, j);
                c.setText(texts.number(v));
                texts.exactTip(c, v);
                c.setBackground(weights ? tint(TokenColors.of(data.tokens().get(j), theme), v) : null);
            }
            Label sum = sums.get(i);
            // Written with = or ≈ like any result: 0.1156 + 0.5104 + 0.3740 may add up to 0.9999999999999999.
            sum.setText(weights ? nexttoken.report.Formulas.relation(data.rowSums().get(i)) + " "
                    + texts.number(data.rowSums().get(i)) : "");
            sum.setVisible(weights);
        }
        sumHead.setVisible(weights);
    }

    private static void setClass(Label l, String styleClass, boolean on) {
        if (on && !l.getStyleClass().contains(styleClass)) {
            l.getStyleClass().add(styleClass);
        } else if (!on) {
            l.getStyleClass().remove(styleClass);
        }
    }

    /** A weight's share of its row as a tint of the looked-at word's colour: the eye finds where a word looks. */
    private static Background tint(Color colour, double weight) {
        double w = Math.max(0, Math.min(1, weight));
        Color c = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), MOST_TINT * w);
        return new Background(new BackgroundFill(c, new CornerRadii(6), Insets.EMPTY));
    }

    private static void paint(Label l, String word, int token, Theme theme) {
        l.setText(word);
        TokenColors.paintText(l, TokenColors.text(token, theme));
    }

    private void build(int n) {
        built = n;
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        columnHeads.clear();
        rowHeads.clear();
        cells.clear();
        sums.clear();
        add(corner, 0, 0);
        ColumnConstraints first = new ColumnConstraints();
        first.setHalignment(HPos.RIGHT);
        getColumnConstraints().add(first);
        for (int j = 0; j < n; j++) {
            Label head = new Label();
            head.getStyleClass().addAll("map-head", "map-column-head");
            head.setMinWidth(Label.USE_PREF_SIZE);
            add(head, j + 1, 0);
            columnHeads.add(head);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.CENTER);
            getColumnConstraints().add(cc);
        }
        add(sumHead, n + 1, 0);
        ColumnConstraints sumColumn = new ColumnConstraints();
        sumColumn.setHalignment(HPos.LEFT);
        getColumnConstraints().add(sumColumn);
        RowConstraints headRow = new RowConstraints();
        headRow.setValignment(VPos.BOTTOM);
        getRowConstraints().add(headRow);
        for (int i = 0; i < n; i++) {
            Label head = new Label();
            head.getStyleClass().addAll("map-head", "map-row-head");
            head.setMinWidth(Label.USE_PREF_SIZE);
            int row = i;
            head.setOnMouseClicked(e -> onRow.accept(row));
            add(head, 0, i + 1);
            rowHeads.add(head);
            List<Label> cellsOfRow = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                Label c = new Label();
                c.getStyleClass().add("map-cell");
                c.setAlignment(Pos.CENTER);
                c.setMinWidth(Label.USE_PREF_SIZE);
                c.setMaxWidth(Double.MAX_VALUE);
                int ii = i;
                int jj = j;
                c.setOnMouseClicked(e -> onCell.accept(ii, jj));
                add(c, j + 1, i + 1);
                cellsOfRow.add(c);
            }
            cells.add(cellsOfRow);
            Label sum = new Label();
            sum.getStyleClass().add("map-sum");
            sum.setMinWidth(Label.USE_PREF_SIZE);
            add(sum, n + 1, i + 1);
            sums.add(sum);
            RowConstraints rc = new RowConstraints();
            rc.setValignment(VPos.CENTER);
            getRowConstraints().add(rc);
        }
    }
}
