package nexttoken.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nexttoken.export.PngExport;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.GeneratedLessons;
import nexttoken.model.Problem;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
import nexttoken.view.step.LessonViews.ViewId;
import nexttoken.view.step.StepViews;
import nexttoken.view.step.ViewGrid;
import nexttoken.view.window.Action;
import nexttoken.view.window.AppActions;
import nexttoken.view.window.Dialogs;
import nexttoken.view.window.ExportActions;
import nexttoken.view.window.KeyBindings;
import nexttoken.view.window.LessonFiles;

/**
 * The main window's layout: toolbar and menus (built from {@link AppActions}), the
 * composition, the sentence, the step views in the grid {@link nexttoken.view.step.LessonViews}
 * gives the lesson's kind, and the side panels. It arranges; the views draw; the session's
 * models decide; files, export and dialogs live in {@link LessonFiles}, {@link ExportActions}
 * and {@link Dialogs}.
 */
public final class MainWindow extends BorderPane {
    private final Presenter presenter;
    private final Texts texts;
    private final UserSettings settings;
    private final nexttoken.view.present.PresenterScreens presenterScreens;
    private final Dialogs dialogs;
    private final LessonFiles files;
    private final ExportActions exports;
    private final AppActions actions;
    private final StepViews views;
    private final ViewGrid grid;
    private final ControlsPanel controls;
    private final ComboBox<String> lessonPicker = new ComboBox<>();
    private final ToggleButton revealAll = new ToggleButton();
    private final ToggleButton showControls = new ToggleButton();
    private final ToggleButton trainingMode = new ToggleButton();
    private final ToggleButton tokenizerMode = new ToggleButton();
    private final Button askClass = new Button();
    private final nexttoken.view.poll.PollHost pollHost;
    private nexttoken.view.poll.PollView pollView;
    // Held in a field: the session keeps only a weak reference.
    private final InvalidationListener onPoll = o -> pollChanged();
    private final TextField search = new TextField();
    private final Button back = new Button("◀");
    private final Button next = new Button("▶");
    private final Label banner = new Label();
    private final Button dismiss = new Button("✕");
    private final HBox bannerBox = new HBox(10, banner, dismiss);
    private final InvalidationListener onChange = o -> refresh();
    private boolean updatingPicker;
    // Made when their tab or mode is first opened: the window shows sooner, and a slider move
    // has fewer nodes to walk until someone asks for them.
    private TokenizerView tokenizer;
    private TrainingView training;
    private SamplingPanel sampling;
    private LessonEditor editor;
    private final TabPane side = new TabPane();
    private final Tab controlsTab = new Tab();
    private final Tab samplingTab = new Tab();
    private final Tab editorTab = new Tab();
    private final MenuBar menuBar = new MenuBar();
    private final Label status = new Label();
    private Theme appliedTheme;

    public MainWindow(Presenter presenter) {
        this(presenter, UserSettings.inMemory());
    }

    public MainWindow(Presenter presenter, UserSettings settings) {
        this.presenter = presenter;
        this.settings = settings;
        this.texts = new Texts(presenter);
        getStyleClass().add("main-view");
        dialogs = new Dialogs(() -> getScene() == null ? null : getScene().getWindow(), texts);
        files = new LessonFiles(presenter.session(), settings, dialogs, texts, status::setText);
        views = new StepViews(presenter, v -> exports().exportView(v));
        exports = new ExportActions(presenter, dialogs, texts, status::setText, this, this::allViews,
                showControls::isSelected);
        pollHost = new nexttoken.view.poll.PollHost(presenter, settings, nexttoken.poll.PollAddresses::forTheApp);
        presenterScreens = new nexttoken.view.present.PresenterScreens(presenter, settings, pollHost);
        actions = new AppActions(AppActions.walk(presenter.session().walk()),
                AppActions.appearance(presenter.appearance(), dialogs::owner),
                AppActions.files(files), AppActions.export(exports), AppActions.poll(this::askTheClass, this::revealPoll),
                AppActions.presenterScreen(presenterScreens::openPresenterScreen), AppActions.help(this::showKeys));
        grid = new ViewGrid(views);
        controls = new ControlsPanel(presenter);

        ScrollPane controlsScroll = Scrolling.fittedToWidth(controls);
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
        VBox top = new VBox(toolbar(), bannerBox, formulaRow, stepRow(new StepChips(presenter)));
        top.getStyleClass().add("top-area");
        setTop(top);
        setCenter(grid);
        showControls.setSelected(true);
        SidePanelPlacement.install(this, side, showControls.selectedProperty());
        setBottom(status);
        sceneProperty().addListener((o, was, scene) -> applyTheme());
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        presenter.session().poll().openProperty().addListener(new WeakInvalidationListener(onPoll));
        widthProperty().addListener(o -> scaleType());
        heightProperty().addListener(o -> scaleType());
        refresh();
    }

    /** Opening and saving lessons, and switching the language. */
    public LessonFiles files() {
        return files;
    }

    /** PNG export of views, the slide and the whole lesson. */
    public ExportActions exports() {
        return exports;
    }

    /** The dialogs of this window; tests answer their questions. */
    public Dialogs dialogs() {
        return dialogs;
    }

    /** The presenter screen that View → Presenter screen opens (issue 14). */
    public nexttoken.view.present.PresenterScreens presenterScreens() {
        return presenterScreens;
    }

    /** The commands of this window, each once; menus, toolbar and keys are built from them. */
    public AppActions actions() {
        return actions;
    }

    /** The clicker's keys and the shortcuts of every action, on this window's scene. */
    public KeyBindings installKeys(Scene scene) {
        return KeyBindings.install(scene, actions.all());
    }

    /** Readable from the back of the room at any size: 16 px at 1024×768, growing with the window, up to 24 px. */
    private void scaleType() {
        TypeScale.apply(this, presenter);
    }

    private ToolbarRow toolbar() {
        lessonPicker.setId("lesson-picker");
        lessonPicker.setCellFactory(l -> new LessonCell(false));
        lessonPicker.setButtonCell(new LessonCell(true));
        lessonPicker.getButtonCell().fontProperty().addListener(o -> fitPicker());
        lessonPicker.getButtonCell().textProperty().addListener(o -> fitPicker());
        lessonPicker.setFocusTraversable(false);
        lessonPicker.valueProperty().addListener((o, old, id) -> {
            if (!updatingPicker && id != null && !id.equals(presenter.lessonSourceProperty().get())) {
                if (files.unsavedChangesMayGo()) {
                    files.loadBuiltIn(id);
                } else {
                    refresh();
                }
            }
        });
        revealAll.setId("reveal-all");
        showControls.setId("show-controls");
        back.setId("back");
        next.setId("next");
        runs(back, actions.get(AppActions.BACK));
        runs(next, actions.get(AppActions.NEXT));
        runs(revealAll, actions.get(AppActions.REVEAL_ALL));
        for (Node n : List.of(revealAll, showControls, back, next, tokenizerMode)) {
            n.setFocusTraversable(false);
        }
        buildMenus();
        trainingMode.setId("training-mode");
        trainingMode.setFocusTraversable(false);
        tokenizerMode.setId("tokenizer-mode");
        tokenizerMode.setFocusTraversable(false);
        ToggleGroup modes = new ToggleGroup();
        trainingMode.setToggleGroup(modes);
        tokenizerMode.setToggleGroup(modes);
        modes.selectedToggleProperty().addListener((o, was, is) -> {
            closePoll();
            setCenter(modeCenter());
        });
        askClass.setId("ask-class");
        askClass.setFocusTraversable(false);
        runs(askClass, actions.get(AppActions.ASK_CLASS));
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
        for (Region r : List.of(menuBar, askClass, tokenizerMode, trainingMode, revealAll, showControls, back, next)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        lessonPicker.setMinWidth(Region.USE_PREF_SIZE);
        search.setMinWidth(Region.USE_PREF_SIZE);
        // The modes wrap to a second line rather than widen the window past a 1024-pixel screen (issue 17).
        ToolbarRow bar = new ToolbarRow(8, List.of(menuBar, lessonPicker, search),
                List.of(askClass, tokenizerMode, trainingMode, showControls));
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    /**
     * The step chips with Show all and ◀ ▶ at their right: a 1024-pixel toolbar has no room for
     * them beside the modes and the poll, and the chips' row had it to spare.
     */
    private HBox stepRow(StepChips chips) {
        // The chips take the width the buttons leave (they wrap only when that is not enough).
        HBox.setHgrow(chips, Priority.ALWAYS);
        HBox row = new HBox(8, chips, revealAll, back, next);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new javafx.geometry.Insets(0, 10, 0, 0));
        return row;
    }

    /** A toolbar button runs its action; a toggle then shows the state the action left, not its own click. */
    private static void runs(ButtonBase button, Action action) {
        button.setOnAction(e -> {
            action.run();
            if (button instanceof ToggleButton toggle && action.selected() != null) {
                toggle.setSelected(action.selected().getAsBoolean());
            }
        });
    }

    private Node modeCenter() {
        return trainingMode.isSelected() ? training() : tokenizerMode.isSelected() ? tokenizer() : grid;
    }

    /**
     * "Ask the class": a poll for the current context takes the panels' place until it is closed.
     * The poll is the session's, so P in the presenter window opens it here too, and the projector shows it.
     */
    public void askTheClass() {
        pollHost.ask();
    }

    private void pollChanged() {
        boolean open = presenter.session().poll().isOpen();
        if (open && pollView == null) {
            pollView = new nexttoken.view.poll.PollView(presenter, pollHost);
            setCenter(pollView);
        } else if (!open && pollView != null) {
            pollView = null;
            setCenter(modeCenter());
        }
    }

    /** The help sheet of every key this window answers to (F1, View → Keys). */
    public javafx.stage.Stage showKeys() {
        return nexttoken.view.window.KeysSheet.show(dialogs.owner(), actions, texts,
                getScene() == null ? List.of() : getScene().getStylesheets());
    }

    /** Reveals the open poll's result (the key R); without an open poll there is nothing to reveal. */
    public void revealPoll() {
        pollHost.reveal();
    }

    private void closePoll() {
        pollHost.close();
    }

    /** The open poll, or null. */
    public nexttoken.view.poll.PollView pollView() {
        return pollView;
    }

    /** The networks a poll may be served on; tests give loopback, which the app never offers. */
    public void setPollNetworks(java.util.function.Supplier<List<nexttoken.poll.PollAddresses.Offer>> networks) {
        pollHost.setOffers(networks);
    }

    /** Serves this window's session's poll, for the presenter screen and for tests. */
    public nexttoken.view.poll.PollHost pollHost() {
        return pollHost;
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

    /** Shows each built-in lesson by its title, without building the generated one just to name it. */
    private final class LessonCell extends ListCell<String> {
        private final boolean inToolbar;

        LessonCell(boolean inToolbar) {
            this.inToolbar = inToolbar;
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            if (empty || id == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String title = GeneratedLessons.isGenerated(id) ? texts.get("lesson." + id + ".title")
                    : BuiltInLessons.load(id).title();
            // A 1024-pixel toolbar has no room for "Parte 4 — temperatura, top-k y top-p": the picker
            // names the part, and the open list (and the tooltip) the whole title.
            int dash = inToolbar && title != null ? title.indexOf(" — ") : -1;
            setText(dash > 0 ? title.substring(0, dash) : title);
            setTooltip(dash > 0 ? new javafx.scene.control.Tooltip(title) : null);
        }
    }

    private void refresh() {
        updatingPicker = true;
        try {
            List<String> ids = new ArrayList<>(BuiltInLessons.parts().stream()
                    .map(p -> BuiltInLessons.inLanguage(p, presenter.getLanguage())).toList());
            ids.addAll(GeneratedLessons.IDS);
            if (!lessonPicker.getItems().equals(ids)) {
                lessonPicker.getItems().setAll(ids);
            }
            String source = presenter.lessonSourceProperty().get();
            lessonPicker.setValue(BuiltInLessons.exists(source) ? source : null);
            lessonPicker.setPromptText(Path.of(source).getFileName().toString());
            fitPicker();
        } finally {
            updatingPicker = false;
        }
        relabelMenus();
        applyTheme();
        scaleType();
        revealAll.setText(texts.get(actions.get(AppActions.REVEAL_ALL).labelKey()));
        revealAll.setSelected(presenter.revealAllProperty().get());
        showControls.setText(texts.get("toolbar.controls"));
        trainingMode.setText(texts.get("training.toggle"));
        tokenizerMode.setText(texts.get("tokenizer.toggle"));
        askClass.setText(texts.get(actions.get(AppActions.ASK_CLASS).labelKey()));
        if (askClass.getTooltip() == null) {
            askClass.setTooltip(new javafx.scene.control.Tooltip());
        }
        askClass.getTooltip().setText(texts.get("poll.action.tooltip"));
        search.setPromptText(texts.get("search.prompt"));
        back.setDisable(presenter.path().indexOf(presenter.getStep()) == 0 && presenter.appendedCount() == 0);
        Problem problem = presenter.loadProblemProperty().get();
        bannerBox.setVisible(problem != null);
        bannerBox.setManaged(problem != null);
        banner.setText(problem == null ? "" : "⚠ " + problem.describe(texts.locale()) + "  " + texts.get("banner.lesson_kept"));
        grid.arrange(presenter.getLesson(), presenter.getStep());
    }

    /**
     * The picker as wide as the name it shows ("Parte 2", or a lesson file's "part2-en.json"),
     * whatever the open list needs for the whole titles: computed from that list, its width
     * took the toolbar's room, and from the titles alone it cut a file name ("part2-e…", issue 17).
     */
    private void fitPicker() {
        ListCell<String> cell = lessonPicker.getButtonCell();
        String shown = lessonPicker.getValue() == null ? lessonPicker.getPromptText() : cell.getText();
        if (shown == null || shown.isEmpty() || cell.getFont() == null) {
            lessonPicker.setMinWidth(Region.USE_PREF_SIZE);
            lessonPicker.setPrefWidth(Region.USE_COMPUTED_SIZE);
            return;
        }
        javafx.scene.text.Text name = new javafx.scene.text.Text(shown);
        name.setFont(cell.getFont());
        javafx.scene.Node arrow = lessonPicker.lookup(".arrow-button");
        double arrowWidth = arrow instanceof Region r && r.getWidth() > 0 ? r.prefWidth(-1) : 2 * cell.getFont().getSize();
        double padding = cell.getPadding().getLeft() + cell.getPadding().getRight() + cell.getFont().getSize();
        double needed = Math.ceil(name.getLayoutBounds().getWidth() + padding + arrowWidth
                + lessonPicker.snappedLeftInset() + lessonPicker.snappedRightInset()) + 2;
        lessonPicker.setPrefWidth(needed);
        lessonPicker.setMinWidth(needed);
    }

    /** Controls take a third of a 1024-pixel projector; a teacher shows them when students drag sliders. */
    public void setControlsVisible(boolean visible) {
        showControls.setSelected(visible);
    }

    // ---- menus --------------------------------------------------------------------------

    private final Menu fileMenu = new Menu();
    private final Menu viewMenu = new Menu();
    private final Menu recentMenu = new Menu();
    private final Menu exportMenu = new Menu();
    private final CheckMenuItem transparentItem = new CheckMenuItem();
    private final List<RadioMenuItem> scaleItems = new ArrayList<>();
    private final Menu themeMenu = new Menu();
    private final Menu languageMenu = new Menu();
    /** The menu items made from actions, relabelled from their action when the language changes. */
    private final List<MenuItem> actionItems = new ArrayList<>();

    private MenuItem item(String actionId) {
        Action action = actions.get(actionId);
        MenuItem item = new MenuItem();
        item.setUserData(action);
        item.setAccelerator(action.accelerator());
        item.setOnAction(e -> action.run());
        actionItems.add(item);
        return item;
    }

    private void buildMenus() {
        menuBar.setId("menu-bar");
        ToggleGroup scales = new ToggleGroup();
        for (int scale = 1; scale <= 3; scale++) {
            RadioMenuItem scaleItem = new RadioMenuItem();
            scaleItem.setToggleGroup(scales);
            scaleItem.setSelected(scale == PngExport.DEFAULT_SCALE);
            int chosen = scale;
            scaleItem.setOnAction(e -> exports.setOptions(new PngExport.Options(chosen, exports.options().background())));
            scaleItems.add(scaleItem);
        }
        transparentItem.setOnAction(e -> exports.setOptions(new PngExport.Options(exports.options().scale(),
                transparentItem.isSelected() ? PngExport.Background.TRANSPARENT : PngExport.Background.WHITE)));
        exportMenu.getItems().setAll(item(AppActions.EXPORT_SLIDE), item(AppActions.EXPORT_ALL),
                item(AppActions.EXPORT_HANDOUT), item(AppActions.EXPORT_TEACHER_HANDOUT), new SeparatorMenuItem());
        exportMenu.getItems().addAll(scaleItems);
        exportMenu.getItems().add(transparentItem);
        fileMenu.getItems().setAll(item(AppActions.OPEN), recentMenu, new SeparatorMenuItem(), item(AppActions.SAVE),
                item(AppActions.SAVE_AS), new SeparatorMenuItem(), exportMenu);
        fileMenu.setOnShowing(e -> fillRecent());

        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem themeItem = new RadioMenuItem();
            themeItem.setUserData(t);
            themeItem.setToggleGroup(themes);
            themeItem.setOnAction(e -> {
                presenter.setTheme(t);
                settings.setTheme(t);
            });
            themeMenu.getItems().add(themeItem);
        }
        ToggleGroup languages = new ToggleGroup();
        for (String tag : List.of("es", "en")) {
            RadioMenuItem languageItem = new RadioMenuItem(tag.equals("es") ? "Español" : "English");
            languageItem.setUserData(tag);
            languageItem.setToggleGroup(languages);
            languageItem.setOnAction(e -> files.switchLanguage(Locale.forLanguageTag(tag)));
            languageMenu.getItems().add(languageItem);
        }
        viewMenu.getItems().setAll(themeMenu, languageMenu, new SeparatorMenuItem(), item(AppActions.ZOOM_IN),
                item(AppActions.ZOOM_OUT), item(AppActions.ZOOM_RESET), item(AppActions.FULL_SCREEN), new SeparatorMenuItem(),
                item(AppActions.PRESENTER_SCREEN), new SeparatorMenuItem(), item(AppActions.KEYS_SHEET));
        menuBar.getMenus().setAll(fileMenu, viewMenu);
    }

    private void relabelMenus() {
        fileMenu.setText(texts.get("menu.file"));
        viewMenu.setText(texts.get("menu.view"));
        recentMenu.setText(texts.get("menu.recent"));
        exportMenu.setText(texts.get("export.menu"));
        for (MenuItem i : actionItems) {
            i.setText(texts.get(((Action) i.getUserData()).labelKey()));
        }
        for (int i = 0; i < scaleItems.size(); i++) {
            scaleItems.get(i).setText(texts.format("export.scale", i + 1));
        }
        transparentItem.setText(texts.get("export.transparent"));
        themeMenu.setText(texts.get("menu.theme"));
        for (MenuItem i : themeMenu.getItems()) {
            Theme t = (Theme) i.getUserData();
            i.setText(texts.get(t.nameKey()));
            ((RadioMenuItem) i).setSelected(t == presenter.getTheme());
        }
        languageMenu.setText(texts.get("menu.language"));
        for (MenuItem i : languageMenu.getItems()) {
            ((RadioMenuItem) i).setSelected(i.getUserData().equals(presenter.getLanguage().getLanguage()));
        }
        controlsTab.setText(texts.get("toolbar.controls"));
        samplingTab.setText(texts.get("sampling.tab"));
        editorTab.setText(texts.get("editor.tab"));
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (String file : settings.recentFiles()) {
            MenuItem recent = new MenuItem(file);
            recent.setMnemonicParsing(false);
            recent.setOnAction(e -> files.openFile(Path.of(file)));
            recentMenu.getItems().add(recent);
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

    // ---- export options -------------------------------------------------------------------

    /** The scale and background of PNG export, shown as chosen in the Export menu. */
    public void setExportOptions(PngExport.Options options) {
        exports.setOptions(options);
        for (int i = 0; i < scaleItems.size(); i++) {
            scaleItems.get(i).setSelected(i + 1 == options.scale());
        }
        transparentItem.setSelected(options.background() == PngExport.Background.TRANSPARENT);
    }

    /** The views the grid shows now, in reading order: an attention lesson shows those of its current stage. */
    public List<StepView> visibleViews() {
        return views.at(presenter.getLesson(), presenter.getStep());
    }

    /** Every view this lesson has, stage by stage, in reading order: what Export all writes. */
    public List<StepView> allViews() {
        return views.of(presenter.getLesson());
    }

    /** Which view of the table this is; null for a view this window did not make. */
    public ViewId viewId(StepView view) {
        return views.idOf(view);
    }

    public String statusText() {
        return status.getText();
    }

    // Views, for tests and for the export of single views.
    public TokenTableView tokens() {
        return (TokenTableView) views.get(ViewId.TOKENS);
    }

    public WeightedSumView weightedSum() {
        return (WeightedSumView) views.get(ViewId.WEIGHTED_SUM);
    }

    public LogitsView logits() {
        return (LogitsView) views.get(ViewId.LOGITS);
    }

    public DistributionView distribution() {
        return (DistributionView) views.get(ViewId.DISTRIBUTION);
    }

    public LookupView lookup() {
        return (LookupView) views.get(ViewId.LOOKUP);
    }

    public EmbeddingScatterView scatter() {
        return (EmbeddingScatterView) views.get(ViewId.SCATTER);
    }

    public AttentionMapView attentionMap() {
        return (AttentionMapView) views.get(ViewId.ATTENTION_MAP);
    }

    public PositionsView positions() {
        return (PositionsView) views.get(ViewId.POSITIONS);
    }

    public LessonEditor editor() {
        if (editor == null) {
            editor = new LessonEditor(presenter);
            editorTab.setContent(Scrolling.fittedToWidth(editor));
        }
        return editor;
    }

    public SamplingPanel samplingPanel() {
        if (sampling == null) {
            sampling = new SamplingPanel(presenter);
            samplingTab.setContent(Scrolling.fittedToWidth(sampling));
        }
        return sampling;
    }
}
