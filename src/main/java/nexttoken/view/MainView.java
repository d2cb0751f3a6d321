package nexttoken.view;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.LessonReader;
import nexttoken.model.Lesson;
import nexttoken.model.Problem;
import nexttoken.presenter.Presenter;

/**
 * The window: toolbar, the composition, the sentence, the step views in a grid and the
 * controls. It arranges; the views draw; the presenter decides.
 */
public final class MainView extends BorderPane {
    private final Presenter presenter;
    private final Texts texts;
    private final TokenTableView tokens;
    private final WeightedSumView weightedSum;
    private final LogitsView logits;
    private final DistributionView distribution;
    private final LookupView lookup;
    private final EmbeddingScatterView scatter;
    private final ControlsPanel controls;
    private final ScrollPane controlsScroll;
    private final GridPane grid = new GridPane();
    private final ComboBox<String> lessonPicker = new ComboBox<>();
    private final ToggleButton revealAll = new ToggleButton();
    private final ToggleButton showControls = new ToggleButton();
    private final Button open = new Button();
    private final Button back = new Button("◀");
    private final Button next = new Button("▶");
    private final Label banner = new Label();
    private final Button dismiss = new Button("✕");
    private final HBox bannerBox = new HBox(10, banner, dismiss);
    private final InvalidationListener onChange = o -> refresh();
    private String layoutShape = "";
    private boolean updatingPicker;

    public MainView(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("main-view");
        tokens = new TokenTableView(presenter);
        weightedSum = new WeightedSumView(presenter);
        logits = new LogitsView(presenter);
        distribution = new DistributionView(presenter);
        lookup = new LookupView(presenter);
        scatter = new EmbeddingScatterView(presenter);
        controls = new ControlsPanel(presenter);

        grid.getStyleClass().add("view-grid");
        grid.setHgap(10);
        grid.setVgap(10);

        controlsScroll = new ScrollPane(controls);
        controlsScroll.setFitToWidth(true);
        controlsScroll.getStyleClass().add("controls-scroll");
        controlsScroll.setPrefWidth(330);
        controlsScroll.setMinWidth(280);

        banner.getStyleClass().add("problem-banner-text");
        banner.setWrapText(true);
        banner.setId("load-problem");
        HBox.setHgrow(banner, Priority.ALWAYS);
        bannerBox.getStyleClass().add("problem-banner");
        bannerBox.setAlignment(Pos.CENTER_LEFT);
        dismiss.setOnAction(e -> presenter.dismissLoadProblem());

        VBox top = new VBox(toolbar(), bannerBox, new CompositionBar(presenter), new SentenceStrip(presenter));
        top.getStyleClass().add("top-area");
        setTop(top);
        setCenter(grid);
        showControls.setSelected(true);
        showControls.selectedProperty().addListener((o, was, is) -> setRight(is ? controlsScroll : null));
        setRight(controlsScroll);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    private HBox toolbar() {
        lessonPicker.setId("lesson-picker");
        lessonPicker.setCellFactory(l -> new LessonCell());
        lessonPicker.setButtonCell(new LessonCell());
        lessonPicker.setFocusTraversable(false);
        lessonPicker.valueProperty().addListener((o, old, id) -> {
            if (!updatingPicker && id != null && !id.equals(presenter.lessonSourceProperty().get())) {
                presenter.load(BuiltInLessons.load(id), id);
            }
        });
        open.setId("open-lesson");
        open.setOnAction(e -> openFile());
        revealAll.setId("reveal-all");
        revealAll.setOnAction(e -> presenter.setRevealAll(revealAll.isSelected()));
        showControls.setId("show-controls");
        back.setId("back");
        next.setId("next");
        back.setOnAction(e -> presenter.back());
        next.setOnAction(e -> presenter.next());
        for (Node n : List.of(open, revealAll, showControls, back, next)) {
            n.setFocusTraversable(false);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, lessonPicker, open, spacer, revealAll, showControls, back, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    /** Shows each built-in lesson by its title. */
    private static final class LessonCell extends ListCell<String> {
        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            setText(empty || id == null ? null : BuiltInLessons.load(id).title());
        }
    }

    /** Opens a lesson file; a file that fails shows the model's message and the current lesson stays. */
    public void openFile(Path file) {
        LessonReader.Result result = LessonReader.read(file);
        if (result.ok()) {
            presenter.load(result.lesson(), file.toString());
        } else {
            presenter.reportLoadProblem(result.firstProblem());
        }
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("toolbar.open"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("toolbar.open.filter"), "*.json"));
        var file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            openFile(file.toPath());
        }
    }

    private void refresh() {
        updatingPicker = true;
        try {
            List<String> ids = BuiltInLessons.PARTS.stream()
                    .map(p -> BuiltInLessons.inLanguage(p, presenter.getLanguage())).toList();
            if (!lessonPicker.getItems().equals(ids)) {
                lessonPicker.getItems().setAll(ids);
            }
            String source = presenter.lessonSourceProperty().get();
            lessonPicker.setValue(BuiltInLessons.exists(source) ? source : null);
            lessonPicker.setPromptText(Path.of(source).getFileName().toString());
        } finally {
            updatingPicker = false;
        }
        open.setText(texts.get("toolbar.open"));
        revealAll.setText(texts.get("toolbar.reveal_all"));
        revealAll.setSelected(presenter.revealAllProperty().get());
        showControls.setText(texts.get("toolbar.controls"));
        back.setDisable(presenter.path().indexOf(presenter.getStep()) == 0 && presenter.appendedCount() == 0);
        Problem problem = presenter.loadProblemProperty().get();
        bannerBox.setVisible(problem != null);
        bannerBox.setManaged(problem != null);
        banner.setText(problem == null ? "" : "⚠ " + problem.describe(texts.locale()) + "  " + texts.get("banner.lesson_kept"));
        arrange();
    }

    /** The grid depends on the lesson's shape: part 1 has a lookup, parts 3 on have embeddings. */
    private void arrange() {
        Lesson l = presenter.getLesson();
        String shape = l.isLookup() ? "lookup" : l.vocabulary().hasEmbeddings() ? "embeddings" : "ids";
        if (shape.equals(layoutShape)) {
            return;
        }
        layoutShape = shape;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        switch (shape) {
            case "lookup" -> {
                columns(45, 55);
                rows(50, 50);
                grid.add(tokens, 0, 0);
                grid.add(weightedSum, 1, 0);
                grid.add(lookup, 0, 1, 2, 1);
            }
            case "ids" -> {
                columns(45, 55);
                rows(42, 58);
                grid.add(tokens, 0, 0);
                grid.add(weightedSum, 1, 0);
                grid.add(logits, 0, 1);
                grid.add(distribution, 1, 1);
            }
            default -> {
                columns(30, 34, 36);
                rows(50, 50);
                grid.add(tokens, 0, 0);
                grid.add(weightedSum, 1, 0);
                grid.add(scatter, 2, 0);
                grid.add(logits, 0, 1);
                grid.add(distribution, 1, 1, 2, 1);
            }
        }
        for (Node n : grid.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
            if (n instanceof Region r) {
                r.setMinSize(0, 0);
                r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            }
        }
    }

    private void columns(double... percents) {
        for (double p : percents) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(p);
            grid.getColumnConstraints().add(c);
        }
    }

    private void rows(double... percents) {
        for (double p : percents) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(p);
            grid.getRowConstraints().add(r);
        }
    }

    /**
     * The clicker's keys work whichever control has focus: a filter on the scene sees
     * them before a focused slider would move. A text field keeps the keys typing needs.
     */
    public void installKeys(Scene scene, Stage stage) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            KeyCode code = e.getCode();
            boolean handled = true;
            if (code == KeyCode.PAGE_DOWN || (!typing && (code == KeyCode.RIGHT || code == KeyCode.SPACE))) {
                presenter.next();
            } else if (code == KeyCode.PAGE_UP || (!typing && (code == KeyCode.LEFT || code == KeyCode.BACK_SPACE))) {
                presenter.back();
            } else if (!typing && code == KeyCode.HOME) {
                presenter.home();
            } else if (!typing && code == KeyCode.END) {
                presenter.end();
            } else if (code == KeyCode.F5 || code == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
            } else if (!typing && code.isDigitKey() && !e.isShortcutDown()) {
                presenter.goToNumber(digit(code));
            } else {
                handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        return Character.getNumericValue(name.charAt(name.length() - 1));
    }

    // Views, for tests and for the export of single views.
    public TokenTableView tokens() {
        return tokens;
    }

    public WeightedSumView weightedSum() {
        return weightedSum;
    }

    public LogitsView logits() {
        return logits;
    }

    public DistributionView distribution() {
        return distribution;
    }

    public LookupView lookup() {
        return lookup;
    }

    public EmbeddingScatterView scatter() {
        return scatter;
    }
}
