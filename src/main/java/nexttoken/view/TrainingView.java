package nexttoken.view;

import nexttoken.model.LessonKind;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import nexttoken.model.InputKind;
import nexttoken.model.Lesson;
import nexttoken.model.Problem;
import nexttoken.model.Training;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.report.AttentionMap;
import nexttoken.report.Formulas;

/**
 * Training made visible: the corpus, the loss of each pair, one weight's gradient
 * through the chain rule with its numbers, a step with every weight before → after, a
 * live loss curve and the embeddings moving as they learn.
 */
public final class TrainingView extends BorderPane {
    private static final Duration FRAME = Duration.millis(40);

    private final Presenter presenter;
    private final Texts texts;
    private final Button step = new Button();
    private final Spinner<Integer> stepCount = new Spinner<>(1, 100_000, 200, 50);
    private final Button run = new Button();
    private final Button pause = new Button();
    private final Button reset = new Button();
    private final Button compare = new Button();
    private final Label rateLabel = new Label();
    private final NumberField rate;
    private final Label corpusTitle = new Label();
    private final TextArea corpus = new TextArea();
    private final Button applyCorpus = new Button();
    private final Label pairsTitle = new Label();
    private final TableView<Training.Pair> pairs = new TableView<>();
    private final TableColumn<Training.Pair, String> pairColumn = new TableColumn<>();
    private final TableColumn<Training.Pair, String> lossColumn = new TableColumn<>();
    private final Label gradientTitle = new Label();
    private final ComboBox<String> weight = new ComboBox<>();
    private final Label chainRule = new Label();
    private final Label stepTitle = new Label();
    private final TableView<String[]> lastStep = new TableView<>();
    private final TableColumn<String[], String> nameColumn = new TableColumn<>();
    private final TableColumn<String[], String> beforeColumn = new TableColumn<>();
    private final TableColumn<String[], String> afterColumn = new TableColumn<>();
    private final Label problem = new Label();
    /** The tables' columns as wide as their headers and cells, a header on two lines when the row needs it. */
    private final WholeColumns pairsColumns;
    private final WholeColumns stepColumns;
    private final LossCurve curve;
    private final EmbeddingScatterView scatter;
    private final Timeline animation = new Timeline();
    private final InvalidationListener onChange = o -> refresh();
    private int remaining;
    private String corpusShown = "";

    public TrainingView(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("training-view");
        curve = new LossCurve(texts);
        scatter = new EmbeddingScatterView(presenter);
        rate = new NumberField(lr -> lr > 0 && lr <= 100, presenter::setLearningRate, texts.get("training.rate.refused"));
        step.setId("train-step");
        run.setId("train-run");
        pause.setId("train-pause");
        reset.setId("train-reset");
        compare.setId("train-compare");
        rate.setId("learning-rate");
        corpus.setId("corpus");
        applyCorpus.setId("corpus-apply");
        pairs.setId("training-pairs");
        weight.setId("gradient-weight");
        chainRule.setId("chain-rule");
        lastStep.setId("last-step");
        problem.setId("training-problem");
        stepCount.setEditable(true);
        stepCount.setPrefWidth(110);

        step.setOnAction(e -> {
            stop();
            presenter.trainStep();
            presenter.commitEdit();
        });
        run.setOnAction(e -> start(stepCount.getValue()));
        pause.setOnAction(e -> stop());
        reset.setOnAction(e -> {
            stop();
            presenter.resetTraining();
        });
        compare.setOnAction(e -> presenter.compareWithIds(Math.max(1, presenter.lossesProperty().size() - 1)));
        applyCorpus.setOnAction(e -> presenter.setCorpus(List.of(corpus.getText().split("\\R"))));
        animation.getKeyFrames().add(new KeyFrame(FRAME, e -> frame()));
        animation.setCycleCount(Timeline.INDEFINITE);

        corpus.setPrefRowCount(4);
        corpus.setWrapText(false);
        pairColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(pairText(c.getValue())));
        lossColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                texts.number(nexttoken.presenter.TrainingModel.pairLoss(presenter.getLesson(), c.getValue()))));
        lossColumn.getStyleClass().add("number-column");
        pairs.getColumns().setAll(List.of(pairColumn, lossColumn));
        pairs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pairColumn.setPrefWidth(260);
        pairs.setPrefHeight(170);
        AllRowsTable.fit(pairs);
        pairsColumns = WholeColumns.fit(pairs);
        pairs.getSelectionModel().selectedIndexProperty().addListener(o -> explain());
        weight.valueProperty().addListener(o -> explain());
        chainRule.setWrapText(true);
        chainRule.getStyleClass().add("chain-rule");
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()[0]));
        beforeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()[1]));
        afterColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()[2]));
        beforeColumn.getStyleClass().add("number-column");
        afterColumn.getStyleClass().add("number-column");
        lastStep.getColumns().setAll(List.of(nameColumn, beforeColumn, afterColumn));
        lastStep.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lastStep.setPrefHeight(220);
        AllRowsTable.fit(lastStep);
        stepColumns = WholeColumns.fit(lastStep);
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.getStyleClass().add("undefined-explanation");
        for (Label l : List.of(corpusTitle, pairsTitle, gradientTitle, stepTitle)) {
            l.getStyleClass().add("controls-section");
        }

        HBox rateBox = new HBox(6, rateLabel, rate);
        rateBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane buttons = new FlowPane(8, 6, step, stepCount, run, pause, reset, compare, rateBox);
        buttons.getStyleClass().add("training-buttons");
        VBox left = new VBox(6, corpusTitle, corpus, applyCorpus, pairsTitle, pairs, gradientTitle, weight, chainRule,
                stepTitle, lastStep);
        left.getStyleClass().add("training-left");
        ScrollPane leftScroll = Scrolling.fittedToWidth(left);
        mapsTitle.getStyleClass().add("controls-section");
        mapsTitle.setWrapText(true);
        mapsTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        maps.setAlignment(Pos.TOP_LEFT);
        mapsBox.getChildren().setAll(mapsTitle, mapsFit);
        mapsBox.setId("training-maps");
        VBox right = new VBox(8, problem, curve, mapsBox, scatter);
        VBox.setVgrow(curve, Priority.ALWAYS);
        VBox.setVgrow(scatter, Priority.ALWAYS);
        curve.setMinHeight(160);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setPercentWidth(50); // the pairs table's two headers whole at 1024×768
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setPercentWidth(50);
        grid.getColumnConstraints().setAll(c1, c2);
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().setAll(r);
        grid.add(leftScroll, 0, 0);
        grid.add(right, 1, 0);
        setTop(buttons);
        setCenter(grid);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    /** Runs {@code steps} steps, one per frame, so the class watches the curve fall and the points move. */
    public void start(int steps) {
        remaining = steps;
        animation.play();
    }

    public void stop() {
        animation.stop();
        presenter.commitEdit();
    }

    public boolean isRunning() {
        return animation.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    private void frame() {
        if (remaining <= 0 || !presenter.trainStep()) {
            stop();
            return;
        }
        remaining--;
    }

    private String pairText(Training.Pair p) {
        Vocabulary v = presenter.getLesson().vocabulary();
        StringBuilder out = new StringBuilder();
        for (int i : p.context()) {
            out.append(v.token(i)).append(' ');
        }
        return out.append("→ ").append(v.token(p.target())).toString();
    }

    private void refresh() {
        step.setText(texts.get("training.step"));
        run.setText(texts.get("training.run"));
        pause.setText(texts.get("training.pause"));
        reset.setText(texts.get("training.reset"));
        compare.setText(texts.get("training.compare"));
        rateLabel.setText(texts.get("training.rate"));
        rate.show(texts.number(presenter.getLearningRate()));
        corpusTitle.setText(texts.get("training.corpus"));
        applyCorpus.setText(texts.get("training.corpus.apply"));
        pairsColumns.header(pairColumn, texts.get("training.pair"));
        pairsColumns.header(lossColumn, texts.get("training.loss"));
        gradientTitle.setText(texts.get("training.gradient"));
        stepTitle.setText(texts.get("training.last_step"));
        stepColumns.header(nameColumn, texts.get("training.weight"));
        stepColumns.header(beforeColumn, texts.get("training.before"));
        stepColumns.header(afterColumn, texts.get("training.after"));
        Lesson l = presenter.getLesson();
        boolean trainable = l.kind() != LessonKind.LOOKUP;
        boolean attention = l.kind() == LessonKind.ATTENTION;
        for (javafx.scene.Node n : List.of(step, run, compare, applyCorpus)) {
            n.setDisable(!trainable);
        }
        compare.setDisable(!trainable || l.input() == InputKind.IDS || attention);
        // The chain rule written out is f1's and f2's; an attention lesson shows its map learning instead.
        for (javafx.scene.Node n : List.of(gradientTitle, weight, chainRule)) {
            n.setVisible(!attention);
            n.setManaged(!attention);
        }
        mapsBox.setVisible(attention);
        mapsBox.setManaged(attention);
        scatter.setVisible(!attention);
        scatter.setManaged(!attention);
        if (attention) {
            showMaps();
        }
        pause.setDisable(!isRunning());
        String text = String.join("\n", l.corpus());
        if (!text.equals(corpusShown)) {
            corpusShown = text;
            corpus.setText(text);
        }
        Training.Pairs p = presenter.trainingPairs();
        int selected = Math.max(0, pairs.getSelectionModel().getSelectedIndex());
        pairs.setItems(FXCollections.observableArrayList(p.pairs()));
        pairs.refresh(); // the same pairs with new weights: their losses changed, the rows did not
        if (!p.pairs().isEmpty()) {
            pairs.getSelectionModel().select(Math.min(selected, p.pairs().size() - 1));
        }
        pairs.setPlaceholder(new Label(texts.format("training.pairs.none", nexttoken.presenter.TrainingModel.shortestSentence(l))));
        pairsTitle.setText(texts.format("training.pairs", p.pairs().size(),
                p.pairs().isEmpty() ? "—" : texts.number(nexttoken.presenter.TrainingModel.meanLoss(l, p.pairs()))));
        List<String> weights = weightNames(l);
        if (!weight.getItems().equals(weights)) {
            String chosen = weight.getValue();
            weight.getItems().setAll(weights);
            weight.setValue(weights.contains(chosen) ? chosen : weights.isEmpty() ? null : weights.get(0));
        }
        Problem shown = presenter.trainingProblemProperty().get();
        if (shown == null) {
            shown = p.problem();
        }
        if (shown == null && presenter.idsProblemProperty().get() != null) {
            shown = presenter.idsProblemProperty().get();
            problem.setText("⚠ " + texts.get("training.with_ids") + ": " + shown.message(texts.locale()));
        } else {
            problem.setText(shown == null ? "" : "⚠ " + shown.message(texts.locale()));
        }
        if (l.kind() == LessonKind.LOOKUP) {
            problem.setText("⚠ " + Problem.of(nexttoken.model.ProblemKind.NOT_TRAINABLE, "f2").message(texts.locale()));
        }
        problem.setVisible(!problem.getText().isEmpty());
        problem.setManaged(!problem.getText().isEmpty());
        fillLastStep();
        explain();
        curve.show(new LossCurve.Curves(presenter.lossesProperty(), presenter.idsLossesProperty(), presenter.getTheme()));
    }

    /** f2's weights by token first (they are what a class reads off the bars), then f1's. */
    private List<String> weightNames(Lesson l) {
        List<String> out = new ArrayList<>();
        if (l.kind() == LessonKind.LOOKUP || l.kind() == LessonKind.ATTENTION) {
            return out;
        }
        for (int i = 0; i < l.vocabulary().size() && i < 60; i++) {
            out.add("f2 · w" + Texts.subscript(i + 1) + " (" + l.vocabulary().token(i) + ")");
        }
        for (int k = 0; k < l.f1().size(); k++) {
            out.add("f1 · w" + Texts.subscript(k + 1));
        }
        return out;
    }

    /** The chosen weight's gradient for the chosen pair, through the chain rule, with its numbers. */
    private void explain() {
        Lesson l = presenter.getLesson();
        Training.Pair pair = pairs.getSelectionModel().getSelectedItem();
        String chosen = weight.getValue();
        if (pair == null || chosen == null || l.kind() == LessonKind.LOOKUP || l.kind() == LessonKind.ATTENTION) {
            chainRule.setText("");
            return;
        }
        Formulas f = texts.formulas();
        Training.PairGradient g = Training.explain(l, pair);
        int target = pair.target();
        List<String> lines = new ArrayList<>();
        lines.add(texts.format("training.explain.pair", pairText(pair), texts.number(g.loss())));
        lines.add("f1 " + Formulas.relation(g.f1()) + " " + texts.number(g.f1()));
        lines.add("p " + Formulas.relation(g.p()) + " (" + f.probabilities(g.p()) + ")");
        java.util.StringJoiner oneHot = new java.util.StringJoiner(f.separator());
        for (int i = 0; i < l.vocabulary().size(); i++) {
            oneHot.add(i == target ? "1" : "0");
        }
        lines.add("y = (" + oneHot + ")");
        lines.add("dL/dlogitᵢ = pᵢ − yᵢ " + Formulas.relation(g.dLogits()) + " (" + f.probabilities(g.dLogits()) + ")");
        int index = weight.getItems().indexOf(chosen);
        List<Training.Pair> all = presenter.trainingPairs().pairs();
        Training.Gradient mean = Training.gradient(l, all);
        int tokens = Math.min(60, l.vocabulary().size());
        if (index < tokens) {
            int i = index;
            lines.add("dL/dw2" + Texts.subscript(i + 1) + " = (p" + Texts.subscript(i + 1) + " − y" + Texts.subscript(i + 1)
                    + ") · f1 " + Formulas.relation(g.dLogits().get(i), g.f1()) + " " + f.factor(g.dLogits().get(i))
                    + " × " + f.factor(g.f1()) + " " + Formulas.relation(g.dW2(i)) + " " + texts.number(g.dW2(i)));
            lines.add(texts.format("training.explain.mean", all.size(), "dL/dw2" + Texts.subscript(i + 1),
                    texts.number(mean.f2().get(i)), Formulas.relation(mean.f2().get(i))));
        } else {
            int k = index - tokens;
            StringBuilder sum = new StringBuilder();
            for (int i = 0; i < g.dLogits().size() && i < 8; i++) {
                sum.append(i == 0 ? "" : " + ").append(f.factor(g.dLogits().get(i))).append(" × ")
                        .append(f.factor(l.f2().get(i)));
            }
            if (g.dLogits().size() > 8) {
                sum.append(" + …");
            }
            lines.add("dL/df1 = Σ (pᵢ − yᵢ)·w2ᵢ " + Formulas.relation(false, g.dLogits(), l.f2()) + " " + sum + " "
                    + Formulas.relation(g.dF1()) + " " + texts.number(g.dF1()));
            lines.add("dL/dw1" + Texts.subscript(k + 1) + " = dL/df1 · x" + Texts.subscript(k + 1) + " "
                    + Formulas.relation(g.dF1(), g.x().get(k)) + " " + f.factor(g.dF1()) + " × " + f.factor(g.x().get(k))
                    + " " + Formulas.relation(g.dW1(k)) + " " + texts.number(g.dW1(k)));
            lines.add(texts.format("training.explain.mean", all.size(), "dL/dw1" + Texts.subscript(k + 1),
                    texts.number(mean.f1().get(k)), Formulas.relation(mean.f1().get(k))));
        }
        lines.add(texts.format("training.explain.update", texts.number(presenter.getLearningRate())));
        chainRule.setText(String.join("\n", lines));
    }

    private void fillLastStep() {
        Lesson before = presenter.beforeLastStepProperty().get();
        Lesson after = presenter.getLesson();
        List<String[]> rows = new ArrayList<>();
        if (before != null && after.kind() == LessonKind.ATTENTION && before.kind() == LessonKind.ATTENTION
                && nexttoken.model.AttentionParameters.size(before) == nexttoken.model.AttentionParameters.size(after)) {
            // Every trainable number of the attention lesson, named by its field in the lesson file.
            double[] was = nexttoken.model.AttentionParameters.flatten(before);
            double[] is = nexttoken.model.AttentionParameters.flatten(after);
            for (int i = 0; i < is.length; i++) {
                rows.add(row(nexttoken.model.AttentionParameters.field(after, i), was[i], is[i]));
            }
        } else if (before != null && before.f1() != null && after.f1() != null && before.f1().size() == after.f1().size() && after.kind() != LessonKind.LOOKUP
                && before.vocabulary().size() == after.vocabulary().size()) {
            for (int k = 0; k < after.f1().size(); k++) {
                rows.add(row("f1 · w" + Texts.subscript(k + 1), before.f1().get(k), after.f1().get(k)));
            }
            for (int i = 0; i < after.f2().size() && i < 60; i++) {
                rows.add(row("f2 · w" + Texts.subscript(i + 1) + " (" + after.vocabulary().token(i) + ")",
                        before.f2().get(i), after.f2().get(i)));
            }
            if (after.input() == InputKind.EMBEDDINGS) {
                Vocabulary vb = before.vocabulary();
                Vocabulary va = after.vocabulary();
                for (int t = 0; t < va.size() && t < 60; t++) {
                    for (int c = 0; c < va.embeddingLength(); c++) {
                        rows.add(row(va.token(t) + "[" + (c + 1) + "]", vb.embedding(t, c), va.embedding(t, c)));
                    }
                }
            }
        }
        lastStep.setItems(FXCollections.observableArrayList(rows));
        lastStep.setPlaceholder(new Label(texts.get("training.last_step.none")));
    }

    private String[] row(String name, double before, double after) {
        return new String[] {name, texts.number(before), texts.number(after)};
    }

    private final Label mapsTitle = new Label();
    /** One head's map under the other: side by side, part 7's two maps are wider than half of 1024 px. */
    private final VBox maps = new VBox(8);
    private final ShrinkToFit mapsFit = new ShrinkToFit(maps);
    private final VBox mapsBox = new VBox(6);
    private final List<AttentionMapGrid> headMaps = new ArrayList<>();
    private final List<Label> headNames = new ArrayList<>();

    /**
     * The weights of every head for the sentence the walk is at, redrawn after every step: the
     * class watches where each word looks change while the loss falls.
     */
    private void showMaps() {
        nexttoken.model.Trace t = presenter.getTrace();
        nexttoken.model.AttentionStep a = t.attention();
        if (a == null || t.context() == null) {
            mapsTitle.setText(t.problem() == null ? "" : "⚠ " + t.problem().message(texts.locale()));
            maps.getChildren().clear();
            headMaps.clear();
            headNames.clear();
            return;
        }
        List<Integer> tokens = t.context().indices();
        List<String> words = tokens.stream().map(presenter.getLesson().vocabulary()::token).toList();
        mapsTitle.setText(texts.format("training.maps", String.join(" ", words)));
        if (headMaps.size() != a.heads().size()) {
            maps.getChildren().clear();
            headMaps.clear();
            headNames.clear();
            for (int h = 0; h < a.heads().size(); h++) {
                AttentionMapGrid grid = new AttentionMapGrid();
                grid.setId("training-map-" + (h + 1));
                Label name = new Label();
                name.getStyleClass().add("map-corner");
                headMaps.add(grid);
                headNames.add(name);
                maps.getChildren().add(new VBox(4, name, grid));
            }
        }
        for (int h = 0; h < headMaps.size(); h++) {
            headNames.get(h).setText(a.heads().size() > 1 ? texts.format("view.map.head", h + 1) : "");
            headNames.get(h).setManaged(a.heads().size() > 1);
            headMaps.get(h).show(AttentionMap.of(a, words, tokens, h, AttentionMap.Shown.WEIGHTS), null,
                    presenter.getTheme(), texts, texts.get("view.map.corner"), texts.get("view.map.masked"));
        }
    }

    /** The map of head {@code h} (0 first) as the training view draws it; null before an attention lesson is shown. */
    public AttentionMapGrid map(int h) {
        return h < headMaps.size() ? headMaps.get(h) : null;
    }

    public String chainRuleText() {
        return chainRule.getText();
    }

    public LossCurve curve() {
        return curve;
    }
}
