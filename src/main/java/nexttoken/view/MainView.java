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
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import java.io.IOException;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import nexttoken.export.PngExport;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.ProblemKind;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
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
    private final LessonGrid grid;
    private final ComboBox<String> lessonPicker = new ComboBox<>();
    private final ToggleButton revealAll = new ToggleButton();
    private final ToggleButton showControls = new ToggleButton();
    private final ToggleButton trainingMode = new ToggleButton();
    private final ToggleButton tokenizerMode = new ToggleButton();
    private TokenizerView tokenizer;
    private final javafx.scene.control.TextField search = new javafx.scene.control.TextField();
    private TrainingView training;
    private final Button back = new Button("◀");
    private final Button next = new Button("▶");
    private final Label banner = new Label();
    private final Button dismiss = new Button("✕");
    private final HBox bannerBox = new HBox(10, banner, dismiss);
    private final InvalidationListener onChange = o -> refresh();
    private boolean updatingPicker;
    private final UserSettings settings;
    // Made when their tab is first opened: the window shows sooner, and a slider move has
    // fewer nodes to walk until someone asks for them.
    private SamplingPanel sampling;
    private LessonEditor editor;
    private final TabPane side = new TabPane();
    private final Tab controlsTab = new Tab();
    private final Tab samplingTab = new Tab();
    private final Tab editorTab = new Tab();
    private final MenuBar menuBar = new MenuBar();
    private final Label status = new Label();
    private PngExport.Options exportOptions = new PngExport.Options(PngExport.DEFAULT_SCALE, PngExport.Background.WHITE);
    /** Asks a yes/no question; a test replaces it so that no dialog blocks the run. */
    private java.util.function.BiPredicate<String, String> confirm = MainView::askWithDialog;
    /** Asks Save / Discard / Cancel before unsaved edits would be lost; replaceable in tests. */
    private java.util.function.Supplier<UnsavedChoice> askUnsaved = this::askUnsavedWithDialog;
    private Theme appliedTheme;

    /** What to do with unsaved edits. */
    public enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    public MainView(Presenter presenter) {
        this(presenter, UserSettings.inMemory());
    }

    public MainView(Presenter presenter, UserSettings settings) {
        this.presenter = presenter;
        this.settings = settings;
        this.texts = new Texts(presenter);
        getStyleClass().add("main-view");
        grid = new LessonGrid(LessonGrid.Panels.of(presenter));
        tokens = grid.panels().tokens();
        weightedSum = grid.panels().weightedSum();
        logits = grid.panels().logits();
        distribution = grid.panels().distribution();
        lookup = grid.panels().lookup();
        scatter = grid.panels().scatter();
        controls = new ControlsPanel(presenter);
        for (StepView v : grid.panels().all()) {
            v.setOnExport(this::exportView);
        }

        controlsScroll = new ScrollPane(controls);
        controlsScroll.setFitToWidth(true);
        controlsTab.setContent(controlsScroll);
        samplingTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                samplingPanel();
            }
        });
        editorTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                editor();
            }
        });
        controlsTab.setId("controls-tab");
        samplingTab.setId("sampling-tab");
        editorTab.setId("editor-tab");
        side.getTabs().setAll(controlsTab, samplingTab, editorTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.getStyleClass().add("controls-scroll");
        status.getStyleClass().add("status-line");
        status.setId("status");

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
        showControls.selectedProperty().addListener((o, was, is) -> setRight(is ? side : null));
        setRight(side);
        setBottom(status);
        sceneProperty().addListener((o, was, scene) -> applyTheme());
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        widthProperty().addListener(o -> scaleType());
        heightProperty().addListener(o -> scaleType());
        refresh();
    }

    private void scaleType() {
        TypeScale.apply(this, presenter);
    }

    private HBox toolbar() {
        lessonPicker.setId("lesson-picker");
        lessonPicker.setCellFactory(l -> new LessonCell());
        lessonPicker.setButtonCell(new LessonCell());
        lessonPicker.setFocusTraversable(false);
        lessonPicker.valueProperty().addListener((o, old, id) -> {
            if (!updatingPicker && id != null && !id.equals(presenter.lessonSourceProperty().get())) {
                if (unsavedChangesMayGo()) {
                    loadBuiltIn(id);
                } else {
                    refresh();
                }
            }
        });
        revealAll.setId("reveal-all");
        revealAll.setOnAction(e -> presenter.setRevealAll(revealAll.isSelected()));
        showControls.setId("show-controls");
        back.setId("back");
        next.setId("next");
        back.setOnAction(e -> presenter.back());
        next.setOnAction(e -> presenter.next());
        for (Node n : List.of(revealAll, showControls, back, next, tokenizerMode)) {
            n.setFocusTraversable(false);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        buildMenus();
        trainingMode.setId("training-mode");
        trainingMode.setFocusTraversable(false);
        tokenizerMode.setId("tokenizer-mode");
        tokenizerMode.setFocusTraversable(false);
        ToggleGroup modes = new ToggleGroup();
        trainingMode.setToggleGroup(modes);
        tokenizerMode.setToggleGroup(modes);
        modes.selectedToggleProperty().addListener((o, was, is) ->
                setCenter(is == trainingMode ? training() : is == tokenizerMode ? tokenizer() : grid));
        search.setId("search");
        // Not in the focus order: at start-up it would take the focus and, being a text field,
        // keep the arrow keys the clicker and the teacher use to step.
        search.setFocusTraversable(false);
        search.setPrefColumnCount(7);
        search.setOnAction(e -> find());
        search.textProperty().addListener((o, was, is) -> {
            if (is.isBlank()) {
                presenter.highlight("");
            }
        });
        // Buttons and menus keep their whole labels; the lesson picker gives up width first.
        for (javafx.scene.layout.Region r : List.of(menuBar, tokenizerMode, trainingMode, revealAll, showControls, back, next)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        lessonPicker.setMinWidth(120);
        lessonPicker.setPrefWidth(300);
        search.setMinWidth(80);
        HBox.setHgrow(lessonPicker, Priority.SOMETIMES);
        HBox bar = new HBox(8, menuBar, lessonPicker, search, spacer, tokenizerMode, trainingMode, revealAll, showControls,
                back, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    /** Finds the typed token and marks it in every view; says so when there is none. */
    public int find() {
        int found = presenter.highlight(search.getText());
        status.setText(found >= 0 ? texts.format("search.found", presenter.getLesson().vocabulary().token(found),
                presenter.getLesson().vocabulary().id(found)) : texts.format("search.none", search.getText().strip()));
        return found;
    }

    /** Built on first use, like the training view. */
    public TokenizerView tokenizer() {
        if (tokenizer == null) {
            tokenizer = new TokenizerView(presenter);
        }
        return tokenizer;
    }

    /** Built on first use: most classes never open it. */
    public TrainingView training() {
        if (training == null) {
            training = new TrainingView(presenter);
        }
        return training;
    }

    /**
     * Opens a built-in lesson. The real-vocabulary one takes a second or two to build, so it
     * is built off the FX thread and the window stays responsive meanwhile.
     */
    public void loadBuiltIn(String id) {
        Locale locale = presenter.getLanguage();
        if (!id.equals(nexttoken.lesson.GeneratedLessons.CL100K_ID)) {
            presenter.load(BuiltInLessons.load(id, locale), id);
            return;
        }
        status.setText(texts.get("status.loading_vocabulary"));
        java.util.concurrent.CompletableFuture.supplyAsync(() -> BuiltInLessons.load(id, locale))
                .thenAccept(lesson -> javafx.application.Platform.runLater(() -> {
                    presenter.load(lesson, id);
                    status.setText("");
                }));
    }

    /** Shows each built-in lesson by its title, without building the generated one just to name it. */
    private final class LessonCell extends ListCell<String> {
        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            if (empty || id == null) {
                setText(null);
            } else if (id.equals(nexttoken.lesson.GeneratedLessons.CL100K_ID)) {
                setText(texts.get("lesson.cl100k.title"));
            } else {
                setText(BuiltInLessons.load(id).title());
            }
        }
    }

    /** Opens a lesson file; a file that fails shows the model's message and the current lesson stays. */
    public void openFile(Path file) {
        if (!unsavedChangesMayGo()) {
            return;
        }
        LessonReader.Result result = LessonReader.read(file);
        if (result.ok()) {
            presenter.load(result.lesson(), file.toString());
            settings.addRecentFile(file.toAbsolutePath().toString());
        } else {
            presenter.reportLoadProblem(result.firstProblem());
        }
    }

    private void chooseAndOpen() {
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
            List<String> ids = new java.util.ArrayList<>(BuiltInLessons.PARTS.stream()
                    .map(p -> BuiltInLessons.inLanguage(p, presenter.getLanguage())).toList());
            ids.add(nexttoken.lesson.GeneratedLessons.CL100K_ID);
            if (!lessonPicker.getItems().equals(ids)) {
                lessonPicker.getItems().setAll(ids);
            }
            String source = presenter.lessonSourceProperty().get();
            lessonPicker.setValue(BuiltInLessons.exists(source) ? source : null);
            lessonPicker.setPromptText(Path.of(source).getFileName().toString());
        } finally {
            updatingPicker = false;
        }
        relabelMenus();
        applyTheme();
        scaleType();
        revealAll.setText(texts.get("toolbar.reveal_all"));
        revealAll.setSelected(presenter.revealAllProperty().get());
        showControls.setText(texts.get("toolbar.controls"));
        trainingMode.setText(texts.get("training.toggle"));
        tokenizerMode.setText(texts.get("tokenizer.toggle"));
        search.setPromptText(texts.get("search.prompt"));
        back.setDisable(presenter.path().indexOf(presenter.getStep()) == 0 && presenter.appendedCount() == 0);
        Problem problem = presenter.loadProblemProperty().get();
        bannerBox.setVisible(problem != null);
        bannerBox.setManaged(problem != null);
        banner.setText(problem == null ? "" : "⚠ " + problem.describe(texts.locale()) + "  " + texts.get("banner.lesson_kept"));
        arrange();
    }

    /** The grid depends on the lesson's shape: part 1 has a lookup, parts 3 on have embeddings. */
    private void arrange() {
        grid.arrange(presenter.getLesson().kind());
    }

    /** Controls take a third of a 1024-pixel projector; a teacher shows them when students drag sliders. */
    public void setControlsVisible(boolean visible) {
        showControls.setSelected(visible);
    }

    /** The clicker's keys, F5/F11 for full screen. */
    public void installKeys(Scene scene, Stage stage) {
        ClickerKeys.install(scene, presenter, () -> stage.setFullScreen(!stage.isFullScreen()));
    }


    // ---- menus --------------------------------------------------------------------------

    private final Menu fileMenu = new Menu();
    private final Menu viewMenu = new Menu();
    private final MenuItem openItem = new MenuItem();
    private final Menu recentMenu = new Menu();
    private final MenuItem saveItem = new MenuItem();
    private final MenuItem saveAsItem = new MenuItem();
    private final Menu exportMenu = new Menu();
    private final MenuItem exportSlideItem = new MenuItem();
    private final MenuItem exportAllItem = new MenuItem();
    private nexttoken.view.present.ClassroomMenu classroom;
    private final CheckMenuItem transparentItem = new CheckMenuItem();
    private final List<RadioMenuItem> scaleItems = new java.util.ArrayList<>();
    private final Menu themeMenu = new Menu();
    private final Menu languageMenu = new Menu();
    private final MenuItem zoomInItem = new MenuItem();
    private final MenuItem zoomOutItem = new MenuItem();
    private final MenuItem zoomResetItem = new MenuItem();
    private final MenuItem fullScreenItem = new MenuItem();

    private void buildMenus() {
        menuBar.setId("menu-bar");
        openItem.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openItem.setOnAction(e -> chooseAndOpen());
        saveItem.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        saveItem.setOnAction(e -> save());
        saveAsItem.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveAsItem.setOnAction(e -> saveAs());
        exportSlideItem.setOnAction(e -> chooseAndExportSlide());
        exportAllItem.setOnAction(e -> chooseAndExportAll());
        ToggleGroup scales = new ToggleGroup();
        for (int scale = 1; scale <= 3; scale++) {
            RadioMenuItem item = new RadioMenuItem();
            item.setToggleGroup(scales);
            item.setSelected(scale == PngExport.DEFAULT_SCALE);
            int chosen = scale;
            item.setOnAction(e -> exportOptions = new PngExport.Options(chosen, exportOptions.background()));
            scaleItems.add(item);
        }
        transparentItem.setOnAction(e -> exportOptions = new PngExport.Options(exportOptions.scale(),
                transparentItem.isSelected() ? PngExport.Background.TRANSPARENT : PngExport.Background.WHITE));
        classroom = new nexttoken.view.present.ClassroomMenu(presenter, settings, status::setText, this::window);
        exportMenu.getItems().setAll(exportSlideItem, exportAllItem, classroom.handoutItem(), classroom.teacherHandoutItem(),
                new SeparatorMenuItem());
        exportMenu.getItems().addAll(scaleItems);
        exportMenu.getItems().add(transparentItem);
        fileMenu.getItems().setAll(openItem, recentMenu, new SeparatorMenuItem(), saveItem, saveAsItem,
                new SeparatorMenuItem(), exportMenu);
        fileMenu.setOnShowing(e -> fillRecent());

        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem();
            item.setUserData(t);
            item.setToggleGroup(themes);
            item.setOnAction(e -> {
                presenter.setTheme(t);
                settings.setTheme(t);
            });
            themeMenu.getItems().add(item);
        }
        ToggleGroup languages = new ToggleGroup();
        for (String tag : List.of("es", "en")) {
            RadioMenuItem item = new RadioMenuItem(tag.equals("es") ? "Español" : "English");
            item.setUserData(tag);
            item.setToggleGroup(languages);
            item.setOnAction(e -> switchLanguage(Locale.forLanguageTag(tag)));
            languageMenu.getItems().add(item);
        }
        zoomInItem.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        zoomOutItem.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        zoomResetItem.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        zoomInItem.setOnAction(e -> presenter.zoomIn());
        zoomOutItem.setOnAction(e -> presenter.zoomOut());
        zoomResetItem.setOnAction(e -> presenter.resetZoom());
        fullScreenItem.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
        viewMenu.getItems().setAll(themeMenu, languageMenu, new SeparatorMenuItem(), zoomInItem, zoomOutItem,
                zoomResetItem, fullScreenItem, new SeparatorMenuItem(), classroom.presenterScreenItem());
        menuBar.getMenus().setAll(fileMenu, viewMenu);
    }

    private void relabelMenus() {
        fileMenu.setText(texts.get("menu.file"));
        viewMenu.setText(texts.get("menu.view"));
        openItem.setText(texts.get("toolbar.open"));
        recentMenu.setText(texts.get("menu.recent"));
        saveItem.setText(texts.get("menu.save"));
        saveAsItem.setText(texts.get("menu.save_as"));
        exportMenu.setText(texts.get("export.menu"));
        exportSlideItem.setText(texts.get("export.slide"));
        exportAllItem.setText(texts.get("export.all"));
        classroom.relabel();
        for (int i = 0; i < scaleItems.size(); i++) {
            scaleItems.get(i).setText(texts.format("export.scale", i + 1));
        }
        transparentItem.setText(texts.get("export.transparent"));
        themeMenu.setText(texts.get("menu.theme"));
        for (MenuItem item : themeMenu.getItems()) {
            Theme t = (Theme) item.getUserData();
            item.setText(texts.get(t.nameKey()));
            ((RadioMenuItem) item).setSelected(t == presenter.getTheme());
        }
        languageMenu.setText(texts.get("menu.language"));
        for (MenuItem item : languageMenu.getItems()) {
            ((RadioMenuItem) item).setSelected(item.getUserData().equals(presenter.getLanguage().getLanguage()));
        }
        zoomInItem.setText(texts.get("menu.zoom_in"));
        zoomOutItem.setText(texts.get("menu.zoom_out"));
        zoomResetItem.setText(texts.get("menu.zoom_reset"));
        fullScreenItem.setText(texts.get("menu.full_screen"));
        controlsTab.setText(texts.get("toolbar.controls"));
        samplingTab.setText(texts.get("sampling.tab"));
        editorTab.setText(texts.get("editor.tab"));
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (String file : settings.recentFiles()) {
            MenuItem item = new MenuItem(file);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openFile(Path.of(file)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** The stylesheets of the presenter's theme; type is rescaled because the projector theme is larger. */
    private void applyTheme() {
        if (getScene() == null || presenter.getTheme() == appliedTheme) {
            return;
        }
        appliedTheme = presenter.getTheme();
        TypeScale.applyStylesheets(getScene(), appliedTheme);
        scaleType();
    }

    /**
     * The whole UI in another language. A built-in lesson no one has edited is swapped for
     * its twin, so the tokens follow the language too; an edited one stays as it is.
     */
    public void switchLanguage(Locale locale) {
        settings.setLanguage(locale);
        String source = presenter.lessonSourceProperty().get();
        String twin = BuiltInLessons.inLanguage(source, locale);
        boolean untouched = presenter.getLesson().equals(presenter.originalLessonProperty().get()) && !presenter.isDirty();
        presenter.setLanguage(locale);
        if (BuiltInLessons.exists(source) && !twin.equals(source) && untouched) {
            presenter.load(BuiltInLessons.load(twin), twin);
        }
    }

    // ---- saving ---------------------------------------------------------------------------

    /** Saves to the lesson's own file; a built-in lesson asks for a file instead. */
    public void save() {
        String source = presenter.lessonSourceProperty().get();
        if (BuiltInLessons.exists(source)) {
            saveAs();
        } else {
            saveTo(Path.of(source));
        }
    }

    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("menu.save_as"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("toolbar.open.filter"), "*.json"));
        chooser.setInitialFileName(PngExport.lessonName(presenter.lessonSourceProperty().get()) + ".json");
        var file = chooser.showSaveDialog(window());
        if (file != null) {
            saveTo(file.toPath());
        }
    }

    /** Writes the lesson as edited, atomically; true when it is on disk. */
    public boolean saveTo(Path file) {
        try {
            LessonWriter.write(presenter.getLesson(), file);
            presenter.markSaved(file.toString());
            settings.addRecentFile(file.toAbsolutePath().toString());
            status.setText(texts.format("status.saved", file));
            return true;
        } catch (IOException | RuntimeException e) {
            presenter.reportLoadProblem(Problem.of(ProblemKind.WRITE_FAILED, null, String.valueOf(e.getMessage()))
                    .inSource(file.toString()));
            return false;
        }
    }

    /** True when nothing unsaved would be lost, or the person chose to save or discard it. */
    public boolean unsavedChangesMayGo() {
        if (!presenter.isDirty()) {
            return true;
        }
        return switch (askUnsaved.get()) {
            case SAVE -> {
                save();
                yield !presenter.isDirty();
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private UnsavedChoice askUnsavedWithDialog() {
        ButtonType save = new ButtonType(texts.get("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(texts.get("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(texts.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.get("unsaved.message"), save, discard, cancel);
        alert.setHeaderText(texts.get("unsaved.title"));
        alert.initOwner(window());
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    /** For tests: answers the unsaved-changes question without a dialog. */
    public void setUnsavedAnswer(java.util.function.Supplier<UnsavedChoice> answer) {
        askUnsaved = answer;
    }

    /** For tests: answers yes/no questions (replace files?) without a dialog. */
    public void setConfirmation(java.util.function.BiPredicate<String, String> answer) {
        confirm = answer;
    }

    private static boolean askWithDialog(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
        alert.setHeaderText(title);
        return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    private javafx.stage.Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- export ---------------------------------------------------------------------------

    public PngExport.Options exportOptions() {
        return exportOptions;
    }

    public void setExportOptions(PngExport.Options options) {
        exportOptions = options;
        for (int i = 0; i < scaleItems.size(); i++) {
            scaleItems.get(i).setSelected(i + 1 == options.scale());
        }
        transparentItem.setSelected(options.background() == PngExport.Background.TRANSPARENT);
    }

    /** The views this lesson shows, in reading order. */
    public List<StepView> visibleViews() {
        Lesson l = presenter.getLesson();
        return switch (l.kind()) {
            case LOOKUP -> List.of(tokens, weightedSum, lookup);
            case IDS -> List.of(tokens, weightedSum, logits, distribution);
            case EMBEDDINGS -> List.of(tokens, weightedSum, scatter, logits, distribution);
        };
    }

    private String lessonName() {
        return PngExport.lessonName(presenter.lessonSourceProperty().get());
    }

    private void exportView(StepView view) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("export.view"));
        chooser.setInitialFileName(PngExport.fileName(lessonName(), view.exportName()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        var file = chooser.showSaveDialog(window()); // the system dialog asks before replacing a file
        if (file != null) {
            exportViewTo(view, file.toPath());
        }
    }

    /** Writes one view; false (with a message in the status line) when the write failed. */
    public boolean exportViewTo(StepView view, Path file) {
        return writePng(PngExport.render(view, view.exportCaption(), exportOptions), file);
    }

    private void chooseAndExportSlide() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("export.slide"));
        chooser.setInitialFileName(PngExport.fileName(lessonName(), "slide"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        var file = chooser.showSaveDialog(window());
        if (file != null) {
            exportSlideTo(file.toPath());
        }
    }

    /** The whole window as one PNG. */
    public boolean exportSlideTo(Path file) {
        return writePng(PngExport.render(this, null, exportOptions), file);
    }

    private void chooseAndExportAll() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(texts.get("export.all"));
        var dir = chooser.showDialog(window());
        if (dir != null) {
            exportAllTo(dir.toPath());
        }
    }

    /** One PNG per view into a folder, after asking before replacing files already there. */
    public List<Path> exportAllTo(Path dir) {
        List<Path> targets = visibleViews().stream().map(v -> dir.resolve(PngExport.fileName(lessonName(), v.exportName())))
                .toList();
        List<String> existing = targets.stream().filter(java.nio.file.Files::exists)
                .map(p -> p.getFileName().toString()).toList();
        if (!existing.isEmpty()
                && !confirm.test(texts.get("export.overwrite.title"), texts.format("export.overwrite", dir, String.join(", ", existing)))) {
            return List.of();
        }
        boolean reveal = presenter.revealAllProperty().get();
        // A handout shows every value, whatever step the class is on.
        presenter.setRevealAll(true);
        List<Path> written = new java.util.ArrayList<>();
        try {
            List<StepView> views = visibleViews();
            applyCss();
            layout();
            for (int i = 0; i < views.size(); i++) {
                if (!exportViewTo(views.get(i), targets.get(i))) {
                    break;
                }
                written.add(targets.get(i));
            }
        } finally {
            presenter.setRevealAll(reveal);
        }
        if (written.size() == targets.size()) {
            status.setText(texts.format("export.done", written.size() + " PNG → " + dir));
        }
        return written;
    }

    private boolean writePng(javafx.scene.image.WritableImage image, Path file) {
        try {
            PngExport.write(image, file);
            status.setText(texts.format("export.done", file));
            return true;
        } catch (IOException | RuntimeException e) {
            status.setText(texts.format("export.failed", file + ": " + e.getMessage()));
            return false;
        }
    }

    /** View → Presenter screen and the handout export. */
    public nexttoken.view.present.ClassroomMenu classroom() {
        return classroom;
    }

    public String statusText() {
        return status.getText();
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

    public LessonEditor editor() {
        if (editor == null) {
            editor = new LessonEditor(presenter);
            editorTab.setContent(scrolling(editor));
        }
        return editor;
    }

    public SamplingPanel samplingPanel() {
        if (sampling == null) {
            sampling = new SamplingPanel(presenter);
            samplingTab.setContent(scrolling(sampling));
        }
        return sampling;
    }

    private static ScrollPane scrolling(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
