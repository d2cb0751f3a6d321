package nexttoken.view;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nexttoken.model.AttentionStep;
import nexttoken.model.Trace;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.report.AttentionMap;

/**
 * The attention map of one head: which earlier words each word looks at, every cell's
 * number, at the stage the switch picks (q · k, ÷ √dk, softmax); clicking a cell writes its
 * substitution out. With the weights each row adds up to 1, and the class can check it.
 */
public final class AttentionMapView extends StepView {
    private final AttentionMapGrid grid = new AttentionMapGrid();
    private final ShrinkToFit gridFit = new ShrinkToFit(grid);
    private final Label substitution = new Label();
    private final ToggleButton dots = new ToggleButton("q · k");
    private final ToggleButton scaled = new ToggleButton("÷ √dk");
    private final ToggleButton weights = new ToggleButton("softmax");
    private final VBox headButtons = new VBox(4);
    private final HeadSwitch headSwitch;
    private AttentionMap.Shown shown = AttentionMap.Shown.WEIGHTS;
    private int head;
    /** The clicked cell {row, column}, or null: then the picked word's row (the last, until one is) is written out. */
    private int[] selected;
    private AttentionMap.Data data;

    public AttentionMapView(Presenter presenter) {
        super(presenter, List.of(Step.ATTENTION), "attention-map-view");
        ToggleGroup stages = new ToggleGroup();
        for (ToggleButton b : List.of(dots, scaled, weights)) {
            b.setToggleGroup(stages);
            b.setFocusTraversable(false);
            b.getStyleClass().add("map-switch");
        }
        dots.setId("map-dots");
        scaled.setId("map-scaled");
        weights.setId("map-weights");
        dots.setOnAction(e -> show(AttentionMap.Shown.DOTS));
        scaled.setOnAction(e -> show(AttentionMap.Shown.SCALED));
        weights.setOnAction(e -> show(AttentionMap.Shown.WEIGHTS));
        // The switches stand in a column beside the grid, where a 3-word map leaves room: a row of
        // them above it would take height the numbers need at 1024×768.
        // The stages in one column, the heads (part 7) in a second: no taller than three buttons.
        headButtons.setAlignment(Pos.TOP_LEFT);
        headSwitch = new HeadSwitch(headButtons, "map-head-", "view.map.head", presenter, b -> {
            b.getStyleClass().add("map-switch");
            b.setMaxWidth(Double.MAX_VALUE);
        });
        VBox stageSwitch = new VBox(4, dots, scaled, weights);
        for (ToggleButton b : List.of(dots, scaled, weights)) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        HBox switches = new HBox(8, stageSwitch, headButtons);
        switches.setMinWidth(Region.USE_PREF_SIZE);
        switches.setAlignment(Pos.TOP_LEFT);
        substitution.getStyleClass().addAll("equation", "map-substitution");
        substitution.setWrapText(true);
        substitution.setMinHeight(Region.USE_PREF_SIZE);
        substitution.setId("map-substitution");
        grid.setOnCell(this::select);
        grid.setOnRow(this::pickWord);
        gridFit.fittingHeightDownTo(0.6);
        HBox.setHgrow(gridFit, Priority.ALWAYS);
        HBox mapRow = new HBox(14, gridFit, switches);
        mapRow.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(mapRow, Priority.ALWAYS);
        VBox box = new VBox(8, mapRow, substitution);
        setContent(box);
    }

    private void show(AttentionMap.Shown stage) {
        shown = stage;
        refresh();
    }

    /** Which stage of the scores the map shows. */
    public AttentionMap.Shown shown() {
        return shown;
    }

    /** Shows another stage, as the switch does. */
    public void setShown(AttentionMap.Shown stage) {
        show(stage);
    }

    /** Shows another head (0 first), as its button does. */
    public void setHead(int index) {
        presenter.setShownHead(index);
    }

    /** Writes out cell (i, j), as a click on it does; word i is then the one the heads panel explains. */
    public void select(int i, int j) {
        selected = new int[] {i, j};
        pickWord(i, false);
        refresh();
    }

    /**
     * Picks the word looking in row i, as a click on it does: its row's softmax is written out, and
     * the heads panel writes out what each head gives that word.
     */
    public void pickWord(int i) {
        selected = null;
        pickWord(i, true);
    }

    private void pickWord(int i, boolean redraw) {
        if (data == null || i >= data.size()) {
            return;
        }
        List<String> read = presenter.getTrace().context().context();
        if (i == presenter.getShownWord(read)) {
            // The session does not change, so it would not redraw: a cell's click still must be drawn.
            if (redraw) {
                refresh();
            }
            return;
        }
        presenter.setShownWord(i, read);
    }

    public AttentionMapGrid grid() {
        return grid;
    }

    /** The substitution written under the map. */
    public String substitutionText() {
        return substitution.getText();
    }

    /** What the map draws now; null before the model got to the attention step. */
    public AttentionMap.Data data() {
        return data;
    }

    @Override
    public String exportName() {
        return "attention";
    }

    @Override
    protected String titleKey() {
        return "view.map.title";
    }

    @Override
    protected void update() {
        Trace t = presenter.getTrace();
        AttentionStep a = t.attention();
        if (a == null || t.context() == null) {
            data = null;
            grid.setVisible(false);
            substitution.setText(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale()));
            return;
        }
        grid.setVisible(true);
        head = presenter.getShownHead();
        headSwitch.show(texts, a.heads().size(), head);
        dots.setSelected(shown == AttentionMap.Shown.DOTS);
        scaled.setSelected(shown == AttentionMap.Shown.SCALED);
        weights.setSelected(shown == AttentionMap.Shown.WEIGHTS);
        List<Integer> tokens = t.context().indices();
        List<String> words = tokens.stream().map(presenter.getLesson().vocabulary()::token).toList();
        data = AttentionMap.of(a, words, tokens, head, shown);
        if (selected != null && (selected[0] >= data.size() || selected[1] >= data.size())) {
            selected = null;
        }
        grid.show(data, selected, presenter.getTheme(), texts, texts.get("view.map.corner"), texts.get("view.map.masked"));
        int word = presenter.getShownWord(t.context().context());
        grid.markRow(word);
        substitution.setText(selected == null
                ? AttentionMap.rowRule(a, head, word, texts.formulas())
                : String.join("\n", AttentionMap.substitution(a, head, selected[0], selected[1], texts.formulas(), texts.messages())));
    }
}
