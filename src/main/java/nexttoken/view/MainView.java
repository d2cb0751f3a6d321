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
    private final VBox grid = new VBox(10);
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

        controlsScroll = new ScrollPane(controls);
        controlsScroll.setFitToWidth(true);
        controlsScroll.getStyleClass().add("controls-scroll");

        banner.getStyleClass().add("problem-banner-text");
        banner.setWrapText(true);
        banner.setId("load-problem");
        HBox.setHgrow(banner, Priority.ALWAYS);
        bannerBox.getStyleClass().add("problem-banner");
        bannerBox.setAlignment(Pos.CENTER_LEFT);
        dismiss.setOnAction(e -> presenter.dismissLoadProblem());

        SentenceStrip sentence = new SentenceStrip(presenter);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        HBox formulaRow = new HBox(28, new CompositionBar(presenter), sentence);
        formulaRow.setAlignment(Pos.CENTER_LEFT);
        formulaRow.getStyleClass().add("formula-row");
        VBox top = new VBox(toolbar(), bannerBox, formulaRow, new StepChips(presenter));
        top.getStyleClass().add("top-area");
        setTop(top);
        setCenter(grid);
        showControls.setSelected(true);
        showControls.selectedProperty().addListener((o, was, is) -> setRight(is ? controlsScroll : null));
        setRight(controlsScroll);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        widthProperty().addListener(o -> scaleType());
        heightProperty().addListener(o -> scaleType());
        refresh();
    }

    /** Readable from the back of the room at any size: 16 px at 1024×768, growing with the window, up to 24 px. */
    private void scaleType() {
        double size = Math.max(12, Math.min(24, Math.min(getWidth() / 64, getHeight() / 48)));
        size = Math.floor(size * zoom);
        String style = "-fx-font-size: " + size + "px;";
        if (!style.equals(getStyle())) {
            setStyle(style);
        }
    }

    private double zoom = 1.0;

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
        switch (shape) {
            case "lookup" -> grid.getChildren().setAll(row(50, tokens, 40, weightedSum, 60), row(50, lookup, 100));
            case "ids" -> grid.getChildren().setAll(row(44, tokens, 40, weightedSum, 60), row(56, logits, 40, distribution, 60));
            default -> grid.getChildren().setAll(row(50, tokens, 30, weightedSum, 35, scatter, 35),
                    row(50, logits, 36, distribution, 64));
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
            GridPane.setHgrow(view, Priority.ALWAYS);
            GridPane.setVgrow(view, Priority.ALWAYS);
            row.add(view, i / 2, 0);
        }
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setFillHeight(true);
        row.getRowConstraints().add(r);
        row.setMinHeight(0);
        // Each row gets its share of the height, less its half of the gap between the two rows.
        row.prefHeightProperty().bind(grid.heightProperty().subtract(grid.getPadding().getTop()
                + grid.getPadding().getBottom() + grid.getSpacing()).multiply(heightPercent / 100));
        row.setMaxHeight(Region.USE_PREF_SIZE);
        return row;
    }

    /** Controls take a third of a 1024-pixel projector; a teacher shows them when students drag sliders. */
    public void setControlsVisible(boolean visible) {
        showControls.setSelected(visible);
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
