package nexttoken.view;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import nexttoken.model.Trace;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.report.AttentionPanels;

/**
 * Each word's query, key and value: a row per word read with x, q = x·Wq, k = x·Wk and
 * v = x·Wv, and under the table the three products of one word written out (the last word
 * until another row is clicked). Several heads: one at a time, chosen with the head buttons,
 * so the numbers stay large enough for the back of the room.
 */
public final class QkvView extends StepView {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final FlowPane headButtons = new FlowPane(6, 4);
    private final Label dk = new Label();
    private final HeadSwitch headSwitch;
    private final GridPane table = new GridPane();
    private final VBox products = new VBox(2);
    private final List<Row> rows = new ArrayList<>();
    private final RedrawKey layoutFor = new RedrawKey();
    private int head;
    /** The word whose products are written out; -1 for the last word read, whatever the prompt's length. */
    private int selectedWord = -1;

    public QkvView(Presenter presenter) {
        super(presenter, List.of(Step.ATTENTION), "qkv-view");
        table.getStyleClass().add("terms");
        table.setHgap(14);
        table.setVgap(0);
        table.setId("qkv-table");
        products.getStyleClass().add("qkv-products");
        products.setId("qkv-products");
        headButtons.setId("qkv-heads");
        javafx.scene.layout.HBox switchBox = new javafx.scene.layout.HBox(6);
        // One head for the whole attention step: the map follows (and this view redraws) on the session's revision.
        headSwitch = new HeadSwitch(switchBox, "qkv-head-", "view.qkv.head.button", presenter, b -> { });
        dk.getStyleClass().add("heads-intro");
        headButtons.getChildren().addAll(switchBox, dk);
        // The products beside the table, wrapping in the room the table leaves: the panel is a wide,
        // short row, and three products under a table would not fit it in the projector's type.
        products.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(products, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox body = new javafx.scene.layout.HBox(18, table, products);
        table.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(4, headButtons, body);
        setContent(content);
    }

    @Override
    public String exportName() {
        return "qkv";
    }

    @Override
    protected String titleKey() {
        return "view.qkv.title";
    }

    /**
     * On paper, the table alone: the panel is a wide, short row made for a projector, and printed at a
     * page's width its numbers came out a third of the text's size. The handout writes every word's
     * products as text under it, so the table can print at the size it has on screen.
     */
    @Override
    public javafx.scene.Node handoutFigure() {
        return table;
    }

    /** The head shown (0 is the first), for tests and the clicker. */
    public int head() {
        return head;
    }

    public void showHead(int index) {
        presenter.setShownHead(index);
    }

    /** Writes out the products of the word at {@code position} (0 is the first word read). */
    public void selectWord(int position) {
        selectedWord = position;
        refresh();
    }

    /** The lines written under the table, as the class reads them. */
    public List<String> productLines() {
        return products.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The text of the table's cell for a word read and a column (0 word, 1 x, 2 q, 3 k, 4 v). */
    public String cellText(int position, int column) {
        Row r = rows.get(position);
        return new Label[] {r.word, r.x, r.q, r.k, r.v}[column].getText();
    }

    /** The tooltip of that cell, or null when its text shows every digit. */
    public String cellTip(int position, int column) {
        Row r = rows.get(position);
        Tooltip tip = new Label[] {r.word, r.x, r.q, r.k, r.v}[column].getTooltip();
        return tip == null ? null : tip.getText();
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        List<AttentionPanels.HeadQkv> heads = AttentionPanels.qkv(t, texts.locale());
        if (heads.isEmpty()) {
            table.getChildren().clear();
            rows.clear();
            layoutFor.forget();
            headSwitch.show(texts, 0, 0);
            dk.setText("");
            products.getChildren().setAll(equation(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale())));
            return;
        }
        head = presenter.getShownHead();
        AttentionPanels.HeadQkv shown = heads.get(head);
        int n = shown.words().size();
        if (layoutFor.changed(n, texts.locale())) {
            buildTable(n);
        }
        // The head may have been switched in the map: the buttons show the one drawn.
        headSwitch.show(texts, heads.size(), head);
        int selected = selectedWord < 0 || selectedWord >= n ? n - 1 : selectedWord;
        List<Integer> context = t.context().indices();
        for (int j = 0; j < n; j++) {
            AttentionPanels.WordQkv w = shown.words().get(j);
            Row r = rows.get(j);
            r.word.setText(w.word() + " " + Texts.subscript(j));
            TokenColors.paintText(r.word, TokenColors.text(context.get(j), presenter.getTheme()));
            show(r.x, w.x());
            show(r.q, w.q());
            show(r.k, w.k());
            show(r.v, w.v());
            for (Label l : List.of(r.word, r.x, r.q, r.k, r.v)) {
                l.pseudoClassStateChanged(SELECTED, j == selected);
            }
        }
        dk.setText("dk = " + shown.dk());
        List<Label> lines = new ArrayList<>();
        for (String line : shown.words().get(selected).products()) {
            lines.add(equation(line));
        }
        products.getChildren().setAll(lines);
    }

    private static void show(Label label, AttentionPanels.Vector v) {
        label.setText(v.text());
        String exact = v.exact();
        if (exact == null) {
            label.setTooltip(null);
        } else if (label.getTooltip() == null) {
            label.setTooltip(new Tooltip(exact));
        } else {
            label.getTooltip().setText(exact);
        }
    }

    private static Label equation(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("equation");
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private record Row(Label word, Label x, Label q, Label k, Label v) {
    }

    private void buildTable(int n) {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        rows.clear();
        String[] header = {texts.get("view.f1.token"), "x", "q = x·Wq", "k = x·Wk", "v = x·Wv"};
        for (int c = 0; c < header.length; c++) {
            Label h = new Label(header[c]);
            h.getStyleClass().add("terms-header");
            table.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.CENTER);
            table.getColumnConstraints().add(cc);
        }
        for (int j = 0; j < n; j++) {
            Row r = new Row(cell("term-token"), cell("term-number"), cell("term-number"), cell("term-number"),
                    cell("term-number"));
            int position = j;
            List<Label> cells = List.of(r.word, r.x, r.q, r.k, r.v);
            for (int c = 0; c < cells.size(); c++) {
                Label l = cells.get(c);
                l.getStyleClass().add("qkv-cell");
                // A click on a word's row writes out that word's products.
                l.setOnMouseClicked(e -> selectWord(position));
                table.add(l, c, j + 1);
            }
            rows.add(r);
        }
    }

    private static Label cell(String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        return l;
    }
}
