package nexttoken.view;

import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.shape.Circle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/** The vocabulary: token, id and embedding, with the context and the predicted token marked. */
public final class TokenTableView extends StepView {
    private static final PseudoClass IN_CONTEXT = PseudoClass.getPseudoClass("in-context");
    private static final PseudoClass PREDICTED = PseudoClass.getPseudoClass("predicted");

    private final TableView<Integer> table = new TableView<>();
    private final TableColumn<Integer, Integer> tokenColumn = new TableColumn<>();
    private final TableColumn<Integer, Integer> idColumn = new TableColumn<>();
    private final TableColumn<Integer, Integer> embeddingColumn = new TableColumn<>();
    // The second pair of columns, shown only when a short panel puts the tokens side by side (fitRows).
    private final TableColumn<Integer, Integer> tokenColumn2 = new TableColumn<>();
    private final TableColumn<Integer, Integer> idColumn2 = new TableColumn<>();
    /** Whether the rows hold two tokens each: index r in the first pair of columns, r + half in the second. */
    private boolean paired;
    private final java.util.Set<TableCell<Integer, Integer>> indexCells =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private Vocabulary shown;
    private final RedrawKey rebuilt = new RedrawKey();
    private final RedrawKey marked = new RedrawKey();
    private final RedrawKey searched = new RedrawKey();
    /** What the rows were last measured from (see fitColumns). */
    private final RedrawKey measured = new RedrawKey();
    // The rows and token cells the table made. A new context or prediction re-marks these few in
    // place: table.refresh() would throw them away and build new ones, CSS and all, on every change.
    private final java.util.Set<TableRow<Integer>> rows = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final java.util.Set<TableCell<Integer, Integer>> tokenCells =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    public TokenTableView(Presenter presenter) {
        super(presenter, List.of(Step.TOKENS), "token-table-view");
        table.getStyleClass().add("token-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFocusTraversable(false);
        tokenColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        idColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        embeddingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        tokenColumn2.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(secondOfPair(c.getValue())));
        idColumn2.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(secondOfPair(c.getValue())));
        javafx.util.Callback<TableColumn<Integer, Integer>, TableCell<Integer, Integer>> tokenCell = c -> {
            TableCell<Integer, Integer> cell = new TableCell<>() {
                private final Circle swatch = new Circle(7);

                @Override
                protected void updateItem(Integer index, boolean empty) {
                    super.updateItem(index, empty);
                    markCell(this);
                    if (empty || index == null) {
                        setText(null);
                        setGraphic(null);
                        return;
                    }
                    setText(presenter.getLesson().vocabulary().token(index) + marker(index));
                    swatch.setFill(TokenColors.of(index, presenter.getTheme()));
                    setGraphic(swatch);
                }
            };
            tokenCells.add(cell);
            indexCells.add(cell);
            return cell;
        };
        tokenColumn.setCellFactory(tokenCell);
        tokenColumn2.setCellFactory(tokenCell);
        idColumn.setCellFactory(c -> textCell(index -> Integer.toString(presenter.getLesson().vocabulary().id(index)), null));
        idColumn2.setCellFactory(c -> textCell(index -> Integer.toString(presenter.getLesson().vocabulary().id(index)), null));
        tokenColumn2.getStyleClass().add("token-column");
        idColumn2.getStyleClass().add("number-column");
        tokenColumn2.setVisible(false);
        idColumn2.setVisible(false);
        embeddingColumn.setCellFactory(c -> textCell(index -> {
            Vocabulary v = presenter.getLesson().vocabulary();
            return v.hasEmbeddings() ? "[" + texts.formulas().list(v.embedding(index)) + "]" : "";
        }, this::exactEmbedding));
        tokenColumn.getStyleClass().add("token-column");
        // Ids are a few digits: never cut, never wider than they need; the rest is shared.
        idColumn.setMinWidth(56);
        idColumn.setMaxWidth(90);
        idColumn.getStyleClass().add("number-column");
        embeddingColumn.getStyleClass().add("number-column");
        table.getColumns().setAll(List.of(tokenColumn, idColumn, embeddingColumn, tokenColumn2, idColumn2));
        table.getColumns().forEach(TokenTableView::keepFromAutoSize);
        table.widthProperty().addListener(o -> fitColumns());
        table.heightProperty().addListener(o -> fitRows());
        table.setRowFactory(t -> {
            TableRow<Integer> row = new TableRow<>() {
                @Override
                protected void updateItem(Integer index, boolean empty) {
                    super.updateItem(index, empty);
                    mark(this);
                }
            };
            rows.add(row);
            return row;
        });
        fontProbe.getStyleClass().add("token-table");
        fontProbe.setVisible(false);
        fontProbe.setManaged(false);
        fontProbe.fontProperty().addListener(o -> {
            fitColumns();
            fitRows();
        });
        setContent(new javafx.scene.layout.StackPane(table, fontProbe));
    }

    /** A hidden label in the cells' font, as CSS resolved it: what the columns are measured in. */
    private final javafx.scene.control.Label fontProbe = new javafx.scene.control.Label();

    /** The token in the second pair of columns of row {@code row}, or null past the last. */
    private Integer secondOfPair(Integer row) {
        int n = presenter.getLesson().vocabulary().size();
        int half = (n + 1) / 2;
        return row == null || !paired || row + half >= n ? null : row + half;
    }

    /** The table's rows: one per token, or one per pair of tokens. */
    private List<Integer> rowItems() {
        int n = presenter.getLesson().vocabulary().size();
        return IntStream.range(0, paired ? (n + 1) / 2 : n).boxed().toList();
    }

    /** Side by side, a row holds two tokens: the cells, not the row, say which is read or predicted. */
    private void markCell(TableCell<Integer, Integer> cell) {
        Integer index = cell.isEmpty() ? null : cell.getItem();
        Trace trace = presenter.getTrace();
        boolean on = paired && index != null;
        cell.pseudoClassStateChanged(IN_CONTEXT, on && trace.context() != null && trace.context().indices().contains(index));
        cell.pseudoClassStateChanged(PREDICTED, on && index == presenter.getSampledIndex());
    }

    private void mark(TableRow<Integer> row) {
        Integer index = paired ? null : row.getItem();
        boolean empty = row.isEmpty() || index == null;
        Trace trace = presenter.getTrace();
        row.pseudoClassStateChanged(IN_CONTEXT, !empty && trace.context() != null && trace.context().indices().contains(index));
        row.pseudoClassStateChanged(PREDICTED, !empty && index == presenter.getSampledIndex());
    }

    /** The context, the prediction, the colours or the language changed: the visible rows say so again. */
    private void remark() {
        Vocabulary v = presenter.getLesson().vocabulary();
        rows.forEach(this::mark);
        indexCells.forEach(this::markCell);
        for (TableCell<Integer, Integer> cell : tokenCells) {
            Integer index = cell.getItem();
            if (!cell.isEmpty() && index != null && index < v.size()) {
                cell.setText(v.token(index) + marker(index));
                if (cell.getGraphic() instanceof Circle swatch) {
                    swatch.setFill(TokenColors.of(index, presenter.getTheme()));
                }
            }
        }
    }

    private String marker(int index) {
        String context = contextMarker(index);
        return index == presenter.getSampledIndex() ? context + "  ★" : context;
    }

    /** "  x₁" for a token of the context (at each of its places), else "". */
    private String contextMarker(int index) {
        Trace trace = presenter.getTrace();
        StringBuilder out = new StringBuilder();
        if (trace.context() != null) {
            List<Integer> context = trace.context().indices();
            // Attention lessons count positions from 0, as PE(0) and the map's rows do (contracts.md).
            int first = presenter.getLesson().kind() == nexttoken.model.LessonKind.ATTENTION ? 0 : 1;
            for (int position = 0; position < context.size(); position++) {
                if (context.get(position) == index) {
                    out.append("  x").append(Texts.subscript(position + first));
                }
            }
        }
        return out.toString();
    }


    /** Rows measured for the columns' widths: a virtualized table of 100,000 shows only its first rows and the context. */
    private static final int MEASURED_ROWS = 300;

    /**
     * Every column as wide as its widest text, so no cell reads "cielo …" or "[−0,2; …"; when
     * the panel is narrower than that, the table shows fewer columns (the ids, then the
     * embeddings, which the x panel and the scatter show too) rather than cut them.
     */
    private void fitColumns() {
        Vocabulary v = presenter.getLesson().vocabulary();
        double width = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - scrollBarRoom();
        if (width <= 0) {
            return;
        }
        Trace t = presenter.getTrace();
        List<Integer> context = t.context() == null ? List.of() : t.context().indices();
        // Context and predicted rows are bold: measure every row as if it were one of them.
        javafx.scene.text.Font font = javafx.scene.text.Font.font(fontProbe.getFont().getFamily(),
                javafx.scene.text.FontWeight.BOLD, fontProbe.getFont().getSize());
        double em = font.getSize();
        // The rows' widths depend on these alone; measuring 300 rows' texts on every slider move
        // was a tenth of the FX thread's time and most of its garbage at 100,000 tokens.
        if (measured.changed(RedrawKey.same(v), font, context, texts.locale(), tokenColumn.getText(), idColumn.getText(),
                embeddingColumn.getText())) {
            measuredToken = measure(font, tokenColumn.getText());
            measuredEmbedding = v.hasEmbeddings() ? measure(font, embeddingColumn.getText()) : 0;
            measuredId = measure(font, idColumn.getText());
            for (int i : measuredRows(v, context)) {
                measuredToken = Math.max(measuredToken, measure(font, v.token(i) + contextMarker(i)) + SWATCH_ROOM_EM * em);
                measuredId = Math.max(measuredId, measure(font, Integer.toString(v.id(i))));
                if (v.hasEmbeddings()) {
                    measuredEmbedding = Math.max(measuredEmbedding,
                            measure(font, "[" + texts.formulas().list(v.embedding(i)) + "]"));
                }
            }
        }
        double tokenWidth = measuredToken;
        // The prediction's star is the one part of a row that moves with the sliders: that row alone is measured again.
        int sampled = presenter.getSampledIndex();
        if (sampled >= 0 && sampled < v.size() && (sampled < MEASURED_ROWS || context.contains(sampled))) {
            tokenWidth = Math.max(tokenWidth, measure(font, v.token(sampled) + marker(sampled)) + SWATCH_ROOM_EM * em);
        }
        double padding = CELL_PADDING_EM * em;
        tokenWidth += padding;
        double idWidth = measuredId + padding;
        double embeddingWidth = measuredEmbedding + padding;
        pairWidth = tokenWidth + idWidth;
        roomWidth = width;
        boolean showEmbeddings = !paired && v.hasEmbeddings() && tokenWidth + embeddingWidth <= width;
        boolean showIds = paired || tokenWidth + idWidth + (showEmbeddings ? embeddingWidth : 0) <= width;
        idColumn.setVisible(showIds);
        embeddingColumn.setVisible(showEmbeddings);
        tokenColumn2.setVisible(paired);
        idColumn2.setVisible(paired);
        table.getColumns().forEach(TokenTableView::keepFromAutoSize);
        tokenColumn.setMinWidth(Math.min(tokenWidth, width));
        idColumn.setMinWidth(idWidth);
        idColumn.setMaxWidth(Math.max(idWidth, 90));
        embeddingColumn.setMinWidth(embeddingWidth);
        tokenColumn2.setMinWidth(tokenWidth);
        idColumn2.setMinWidth(idWidth);
    }

    private static final double JAVAFX_DEFAULT_COLUMN_WIDTH = 80;

    /**
     * A column whose preferred width is JavaFX's default is auto-sized by its header when the
     * table enters a scene; for a hidden column JavaFX 21 then throws (ResizeHelper looks it up
     * among the visible columns and gets -1): re-showing the views after loading part 6 or 7 did.
     * A hidden column takes no room, so any other preferred width keeps it out of that path; a
     * shown one keeps the default, and with it the layout it had.
     */
    private static void keepFromAutoSize(TableColumn<Integer, ?> column) {
        column.setPrefWidth(column.isVisible() ? JAVAFX_DEFAULT_COLUMN_WIDTH : JAVAFX_DEFAULT_COLUMN_WIDTH - 1);
    }

    /** A token and its id as fitColumns measured them, and the table's width for columns. */
    private double pairWidth;
    private double roomWidth;

    /** A lesson's vocabulary: this few rows all show, however short the panel; 100,000 scroll. */
    static final int ROWS_THAT_ALL_SHOW = 30;
    /** Row heights in lines of the cells' type: roomy when the panel allows, never tighter than a line and 2 px. */
    private static final double ROOMY_ROW_LINES = 1.5;
    private static final double TIGHT_ROW_PX = 2;
    private static final PseudoClass NO_HEADER = PseudoClass.getPseudoClass("no-header");

    /**
     * A lesson's few tokens all show, even in a short panel (the token step's caption takes
     * three lines of it at 1024×768): the rows close up to their type, and if that is not
     * enough the column headers go (the panel's title names the columns) rather than a row
     * hide behind a scroll bar the class cannot use. The type keeps its size.
     */
    private void fitRows() {
        int n = presenter.getLesson().vocabulary().size();
        double room = table.getHeight() - table.snappedTopInset() - table.snappedBottomInset();
        if (n == 0 || n > ROWS_THAT_ALL_SHOW || room <= 0 || fontProbe.getFont() == null) {
            pair(false);
            table.pseudoClassStateChanged(NO_HEADER, false);
            javafx.scene.Node headerRow = table.lookup(".column-header-background");
            if (headerRow != null) {
                headerRow.setVisible(true);
            }
            table.setFixedCellSize(-1);
            return;
        }
        javafx.scene.text.Font font = javafx.scene.text.Font.font(fontProbe.getFont().getFamily(),
                javafx.scene.text.FontWeight.BOLD, fontProbe.getFont().getSize());
        measuring.setFont(font);
        measuring.setText("Ág x₂");
        double line = Math.ceil(measuring.getLayoutBounds().getHeight());
        double roomy = Math.ceil(line * ROOMY_ROW_LINES);
        double tight = line + TIGHT_ROW_PX;
        double header = headerHeight();
        // Not even headerless rows of one line fit: two tokens to a row, when two pairs of columns fit across.
        pair(room / n < tight && n > 1 && 2 * pairWidth <= roomWidth);
        int shown = paired ? (n + 1) / 2 : n;
        boolean headed = (room - header) / shown >= tight;
        double perRow = Math.floor((headed ? room - header : room) / shown);
        table.pseudoClassStateChanged(NO_HEADER, !headed);
        javafx.scene.Node headerRow = table.lookup(".column-header-background");
        if (headerRow != null) {
            headerRow.setVisible(headed);
        }
        table.setFixedCellSize(Math.max(tight, Math.min(roomy, perRow)));
    }

    private void pair(boolean on) {
        if (on == paired) {
            return;
        }
        paired = on;
        table.setItems(FXCollections.observableArrayList(rowItems()));
        fitColumns();
        table.refresh();
    }

    /** The column headers' height as laid out (before the first layout, two lines of their type). */
    private double headerHeight() {
        javafx.scene.Node header = table.lookup(".column-header-background");
        if (header instanceof javafx.scene.layout.Region r && r.isVisible() && r.getHeight() > 0) {
            return r.getHeight();
        }
        return Math.ceil(2 * fontProbe.getFont().getSize());
    }

    /** The first rows (what a virtualized table shows first) and the context's rows. */
    private static int[] measuredRows(Vocabulary v, List<Integer> context) {
        return IntStream.concat(IntStream.range(0, Math.min(v.size(), MEASURED_ROWS)),
                context.stream().mapToInt(Integer::intValue)).toArray();
    }

    /** The widest row texts of the last measuring, before padding (the token's includes its swatch). */
    private double measuredToken;
    private double measuredId;
    private double measuredEmbedding;

    /** Room for the token's colour swatch and the gap after it, in ems. */
    private static final double SWATCH_ROOM_EM = 1.4;
    /** A cell's left and right padding and the column's border, in ems. */
    private static final double CELL_PADDING_EM = 1.2;
    /** A vertical scroll bar takes this much of a long table's width. */
    private static final double SCROLL_BAR_ROOM = 16;

    /** The vertical scroll bar's width as laid out (the projector's type makes it wider than 16 px). */
    private double scrollBarRoom() {
        for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL
                    && bar.getWidth() > 0) {
                return Math.max(SCROLL_BAR_ROOM, bar.getWidth() + 1);
            }
        }
        return SCROLL_BAR_ROOM;
    }

    private final javafx.scene.text.Text measuring = new javafx.scene.text.Text();

    private double measure(javafx.scene.text.Font font, String text) {
        measuring.setFont(font);
        measuring.setText(text == null ? "" : text);
        return Math.ceil(measuring.getLayoutBounds().getWidth());
    }

    /** A cell's text, and (when not null) its tooltip's: the exact values behind rounded ones. */
    private TableCell<Integer, Integer> textCell(java.util.function.IntFunction<String> text,
                                                 java.util.function.IntFunction<String> exact) {
        return new TableCell<>() {
            {
                indexCells.add(this);
            }

            @Override
            protected void updateItem(Integer index, boolean empty) {
                super.updateItem(index, empty);
                markCell(this);
                setText(empty || index == null ? null : text.apply(index));
                String tip = empty || index == null || exact == null ? null : exact.apply(index);
                if (tip == null) {
                    setTooltip(null);
                } else if (getTooltip() == null) {
                    setTooltip(new javafx.scene.control.Tooltip(tip));
                } else {
                    getTooltip().setText(tip);
                }
            }
        };
    }

    /** "[0,478735461362; −0,412790977302]" when a number of the embedding reads rounded, else null. */
    private String exactEmbedding(int index) {
        Vocabulary v = presenter.getLesson().vocabulary();
        if (!v.hasEmbeddings() || nexttoken.report.Formulas.relation(v.embedding(index)).equals("=")) {
            return null;
        }
        java.util.StringJoiner j = new java.util.StringJoiner(texts.formulas().separator(), "[", "]");
        for (int c = 0; c < v.embeddingLength(); c++) {
            j.add(nexttoken.model.NumberText.exactScreen(v.embedding(index, c), texts.locale()));
        }
        return j.toString();
    }

    @Override
    public String exportName() {
        return "tokens";
    }

    @Override
    protected String titleKey() {
        return "view.tokens.title";
    }

    @Override
    protected void update() {
        tokenColumn.setText(texts.get("report.column.token"));
        idColumn.setText(texts.get("report.column.id"));
        tokenColumn2.setText(texts.get("report.column.token"));
        idColumn2.setText(texts.get("report.column.id"));
        embeddingColumn.setText(texts.get("report.column.embedding"));
        Vocabulary v = presenter.getLesson().vocabulary();
        if (!v.hasEmbeddings()) {
            embeddingColumn.setVisible(false); // else fitColumns decides, by the room there is
        }
        if (v != shown && (shown == null || shown.size() != v.size())) {
            table.setItems(FXCollections.observableArrayList(rowItems()));
        }
        Trace t = presenter.getTrace();
        if (rebuilt.changed(RedrawKey.same(v), texts.locale(), presenter.getTheme())) {
            // Another vocabulary, language or theme: ids, numbers and colours change, so every cell is made again once.
            table.refresh();
        } else if (marked.changed(t.context() == null ? List.of() : t.context().indices(), presenter.getSampledIndex())) {
            remark();
        }
        shown = v;
        fitColumns();
        fitRows();
        int found = presenter.getHighlightedToken();
        if (searched.changed(found, RedrawKey.same(v))) {
            if (found >= 0 && found < v.size()) {
                int row = paired ? found % ((v.size() + 1) / 2) : found;
                table.getSelectionModel().select(row);
                table.scrollTo(Math.max(0, row - 2));
            } else {
                table.getSelectionModel().clearSelection();
            }
        }
    }
}
