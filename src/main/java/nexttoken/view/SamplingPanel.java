package nexttoken.view;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import nexttoken.model.Ranking;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.SampleCounts;
import nexttoken.presenter.SampleRun;

/**
 * The post's experiment, run in class: sample once, ten sentences, or a thousand draws
 * counted beside the probabilities; the seed replays a run; Generate continues the sentence.
 */
public final class SamplingPanel extends VBox {
    private static final double BAR_WIDTH = 170;
    private static final double MIN_BAR_WIDTH = 30;

    private final Presenter presenter;
    private final Texts texts;
    private final Label seedLabel = new Label();
    private final NumberField seed;
    private final Button once = new Button();
    private final Button ten = new Button();
    private final Button thousand = new Button();
    private final Button clear = new Button();
    private final Spinner<Integer> generateCount = new Spinner<>(1, 50, 5);
    private final Button generate = new Button();
    private final Label historyTitle = new Label();
    private final ListView<SampleRun> history = new ListView<>();
    private final Label countsTitle = new Label();
    private final GridPane histogram = new GridPane();
    private final Label unavailable = new Label();
    private final InvalidationListener onChange = o -> refresh();

    public SamplingPanel(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("sampling-panel");
        setSpacing(8);
        seed = new NumberField(s -> s == Math.rint(s) && Math.abs(s) < 9e15, s -> presenter.setSeed((long) s),
                texts.get("controls.seed.refused"));
        seed.setId("sampling-seed");
        seed.setPrefColumnCount(8);
        once.setId("sample-once");
        ten.setId("sample-10");
        thousand.setId("sample-1000");
        clear.setId("sample-clear");
        generate.setId("generate");
        once.setOnAction(e -> presenter.sampleOnce());
        ten.setOnAction(e -> presenter.sampleSentences(10));
        thousand.setOnAction(e -> presenter.sampleCounts(1000));
        clear.setOnAction(e -> presenter.clearSamples());
        generate.setOnAction(e -> presenter.generate(generateCount.getValue()));
        generateCount.setEditable(true);
        generateCount.setPrefWidth(90);
        history.setId("sample-history");
        history.setItems(presenter.samplesProperty());
        history.setCellFactory(l -> new SentenceCell());
        history.setPrefHeight(220);
        history.setFocusTraversable(false);
        histogram.setId("sample-histogram");
        histogram.setHgap(8);
        histogram.setVgap(3);
        unavailable.setWrapText(true);
        unavailable.getStyleClass().add("step-note");
        historyTitle.getStyleClass().add("controls-section");
        countsTitle.getStyleClass().add("controls-section");
        HBox seedRow = new HBox(8, seedLabel, seed);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane buttons = new FlowPane(6, 6, once, ten, thousand, clear);
        HBox generateRow = new HBox(8, generateCount, generate);
        generateRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(history, Priority.SOMETIMES);
        getChildren().addAll(seedRow, buttons, generateRow, unavailable, historyTitle, history, countsTitle, histogram);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    /** The sentence with its sampled word in bold and the word's colour. */
    private final class SentenceCell extends ListCell<SampleRun> {
        @Override
        protected void updateItem(SampleRun run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Text prompt = new Text(String.join(" ", run.prompt()) + " ");
            prompt.getStyleClass().add("sentence-prompt");
            TextFlow flow = new TextFlow(prompt);
            Vocabulary v = presenter.getLesson().vocabulary();
            for (String word : run.generated()) {
                Text t = new Text(word + " ");
                t.getStyleClass().add("sentence-sampled");
                v.indexOf(word).ifPresent(i -> t.setFill(TokenColors.text(i, presenter.getTheme())));
                flow.getChildren().add(t);
            }
            setText(null);
            setGraphic(flow);
        }
    }

    private void refresh() {
        seedLabel.setText(texts.get("controls.seed"));
        seed.show(Long.toString(presenter.seed()));
        once.setText(texts.get("sampling.once"));
        ten.setText(texts.get("sampling.ten"));
        thousand.setText(texts.get("sampling.thousand"));
        clear.setText(texts.get("sampling.clear"));
        generate.setText(texts.get("sampling.generate"));
        historyTitle.setText(texts.format("sampling.history", presenter.samplesProperty().size()));
        boolean ok = presenter.getTrace().isComplete();
        for (Button b : new Button[] {once, ten, thousand, generate}) {
            b.setDisable(!ok);
        }
        unavailable.setText(ok ? "" : "⚠ " + presenter.getTrace().problem().message(texts.locale()));
        unavailable.setManaged(!ok);
        unavailable.setVisible(!ok);
        // Scrolling and the counts table are redone only when they changed: a slider move leaves
        // both alone, and each would cost a layout of the list or new nodes through CSS.
        if (!presenter.samplesProperty().isEmpty()
                && historyShown.changed(presenter.samplesProperty().size(), presenter.samplesProperty().get(presenter.samplesProperty().size() - 1))) {
            history.scrollTo(presenter.samplesProperty().size() - 1);
        }
        SampleCounts counts = presenter.countsProperty().get();
        if (countsShown.changed(counts, RedrawKey.same(presenter.getLesson().vocabulary()), texts.locale(),
                presenter.getTheme())) {
            drawHistogram(counts);
        }
    }

    private final RedrawKey historyShown = new RedrawKey();
    private final RedrawKey countsShown = new RedrawKey();

    private void drawHistogram(SampleCounts c) {
        histogram.getChildren().clear();
        barColumn.clear();
        barsLeftOut = false;
        countsTitle.setVisible(c != null);
        countsTitle.setManaged(c != null);
        if (c == null) {
            return;
        }
        countsTitle.setText(texts.format("sampling.counts", c.n(), c.seed()));
        Vocabulary v = presenter.getLesson().vocabulary();
        if (c.counts().length != v.size()) {
            return;
        }
        Label observedHeader = header(texts.get("sampling.observed"));
        barColumn.add(observedHeader);
        histogram.addRow(0, header(texts.get("report.column.token")), observedHeader,
                header("n"), header("%"), header(texts.get("sampling.expected")));
        int row = 1;
        for (int i : Ranking.top(c.expected(), LogitsView.MAX_BARS)) {
            Label name = new Label(v.token(i));
            name.getStyleClass().add("weight-name");
            TokenColors.paintText(name, TokenColors.text(i, presenter.getTheme()));
            Rectangle observed = new Rectangle(1, 18, TokenColors.of(i, presenter.getTheme()));
            Rectangle expected = new Rectangle(1, 3);
            expected.getStyleClass().add("expected-mark");
            StackPane bars = new StackPane(observed, expected);
            bars.setAlignment(Pos.CENTER_LEFT);
            StackPane.setAlignment(expected, Pos.BOTTOM_LEFT);
            // The bars take what the numbers leave: in a narrow side panel they get shorter, the numbers stay whole.
            bars.setMinWidth(MIN_BAR_WIDTH);
            bars.setPrefWidth(BAR_WIDTH);
            observed.widthProperty().bind(bars.widthProperty().multiply(c.observedShare(i)).add(1));
            expected.widthProperty().bind(bars.widthProperty().multiply(c.expected().get(i)).add(1));
            Label count = new Label(Integer.toString(c.count(i)));
            count.setId("count-" + i);
            Label observedPercent = new Label(texts.percent(c.observedShare(i)));
            Label expectedPercent = new Label(texts.percent(c.expected().get(i)));
            for (Label l : java.util.List.of(name, count, observedPercent, expectedPercent)) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            GridPane.setHgrow(bars, javafx.scene.layout.Priority.ALWAYS);
            barColumn.add(bars);
            histogram.addRow(row++, name, bars, count, observedPercent, expectedPercent);
        }
    }

    /** The bars' column (its header and each row's bars): left out when the numbers need its width. */
    private final java.util.List<javafx.scene.Node> barColumn = new java.util.ArrayList<>();
    private boolean barsLeftOut;
    private double widthWithBars;

    /**
     * The counts and percentages are what the class reads: in a side panel too narrow for them
     * and the bars (cl100k's tokens in the projector's type), the bars go, not the numbers' ends.
     */
    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        // In the side panel's scroll pane this panel is never narrower than its content: the room is the viewport's.
        for (javafx.scene.Node up = getParent(); up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null
                    && scroll.getContent().getParent() != null) {
                javafx.scene.Node viewport = scroll.getContent().getParent();
                double right = viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
                double left = localToScene(getLayoutBounds()).getMinX();
                room = Math.min(room, right - left - snappedLeftInset() - snappedRightInset());
                break;
            }
        }
        // Measured while the bars are in: left out, the grid's minimum no longer says what they need.
        if (!barsLeftOut) {
            widthWithBars = histogram.minWidth(-1);
        }
        double withBars = widthWithBars;
        boolean leaveOut = !barColumn.isEmpty() && withBars > room;
        if (leaveOut != barsLeftOut) {
            barsLeftOut = leaveOut;
        }
        for (javafx.scene.Node n : barColumn) {
            if (n.isManaged() == leaveOut) {
                n.setManaged(!leaveOut);
                n.setVisible(!leaveOut);
            }
        }
        super.layoutChildren();
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("terms-header");
        return l;
    }
}
