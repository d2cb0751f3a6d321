package nexttoken.view.present;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import nexttoken.presenter.Appearance;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.ScreenPlacement;
import nexttoken.presenter.ScreenPlacement.Mode;
import nexttoken.presenter.ScreenPlacement.Placement;
import nexttoken.presenter.ScreenPlacement.Rect;
import nexttoken.presenter.ScreenPlacement.ScreenInfo;
import nexttoken.presenter.Session;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
import nexttoken.view.ControlsPanel;
import nexttoken.view.StepChips;
import nexttoken.view.Scrolling;
import nexttoken.view.Texts;
import nexttoken.view.TypeScale;

/**
 * Two windows over one session: the projector window, an undecorated stage over a whole
 * screen that shows only the lesson, and the presenter window on the laptop with what the
 * class sees, the next step, the notes, the time and the controls. A full-screen stage
 * would leave full screen the first time the teacher clicks the other window; an
 * undecorated one the size of the screen stays. Either window's clicker keys move both.
 */
public final class PresenterScreen {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** How long the screen numbers of "identify screens" stay up. */
    static final javafx.util.Duration IDENTIFY_TIME = javafx.util.Duration.seconds(3);

    private final Presenter teacher;
    private final Presenter projector;
    private final Session previewSession;
    private final Presenter preview;
    private final UserSettings settings;
    private final Texts texts;
    private final LongSupplier clock;
    private final long openedAt;

    private final Stage presenterStage;
    private final Stage projectorStage = new Stage(StageStyle.UNDECORATED);
    private final StackPane projectorRoot;
    private final Region blackout = new Region();
    private final ImageView frozenFrame = new ImageView();
    private final ClassPicture projectorPicture;
    private final nexttoken.view.poll.PollHost pollHost;
    private final HBox pollBar = new HBox(12);
    private final Label pollCount = new Label();

    private final Label elapsed = new Label();
    private final Label time = new Label();
    private final Label nextTitle = new Label();
    private final Label notesTitle = new Label();
    private final Label notes = new Label();
    private final Label currentTitle = new Label();
    private final Label state = new Label();
    private final ToggleButton blank = new ToggleButton();
    private final ToggleButton freeze = new ToggleButton();
    private final Button show = new Button();
    private final Button identify = new Button();
    private final Button back = new Button("◀");
    private final Button next = new Button("▶");
    private final Button zoomOut = new Button("A−");
    private final Button zoomIn = new Button("A+");
    private final ComboBox<String> screenChoice = new ComboBox<>();
    private final TitledPane controls = new TitledPane();
    private final Timeline ticker;
    /** Laid out at the projector screen's size until one is known. */
    private static final Rect PROJECTOR_SIZE = new Rect(0, 0, 1024, 768);
    private List<Miniature> miniatures = List.of();
    private final List<Stage> identifyStages = new ArrayList<>();

    private final ObservableList<Screen> screens = Screen.getScreens();
    private final ListChangeListener<Screen> onScreens = c -> placeLater();
    private final InvalidationListener onChange = o -> refresh();
    private final InvalidationListener onPoll = o -> pollChanged();
    private List<ScreenInfo> choices = List.of();
    private boolean placing;
    private boolean followPending;
    private boolean closed;
    private Mode mode;
    private Runnable onClosed = () -> { };
    private nexttoken.view.window.AppActions presenterActions;
    /** With {@code --present} no main window serves the poll: this screen does, and stops it when it closes. */
    private boolean ownsPollHost;
    private Stage keysSheet;

    /**
     * @param stage the window to use as the presenter window (the app's primary stage for
     *              {@code --present}), or null for a new one
     */
    public PresenterScreen(Presenter teacher, UserSettings settings, Stage stage) {
        this(teacher, settings, stage, new nexttoken.view.poll.PollHost(teacher, settings,
                nexttoken.poll.PollAddresses::forTheApp));
        ownsPollHost = true;
    }

    /** @param pollHost serves the session's class poll: the main window's, when it opened this screen */
    public PresenterScreen(Presenter teacher, UserSettings settings, Stage stage, nexttoken.view.poll.PollHost pollHost) {
        this(teacher, settings, stage, pollHost, System::currentTimeMillis);
    }

    PresenterScreen(Presenter teacher, UserSettings settings, Stage stage, nexttoken.view.poll.PollHost pollHost,
                    LongSupplier clock) {
        this.teacher = teacher;
        this.pollHost = pollHost;
        this.settings = settings;
        this.clock = clock;
        this.openedAt = clock.getAsLong();
        this.texts = new Texts(teacher);
        Session session = teacher.session();
        // Each window has its own zoom; the projector starts with the projector theme's larger type.
        Appearance projectorLook = new Appearance(session.revision());
        projectorLook.setTheme(Theme.PROJECTOR);
        this.projector = teacher.withAppearance(projectorLook);
        this.previewSession = session.copy();
        this.preview = new Presenter(previewSession);
        preview.setTheme(teacher.getTheme());

        projectorPicture = new ClassPicture(projector);
        blackout.setStyle("-fx-background-color: black;");
        blackout.setVisible(false);
        frozenFrame.setVisible(false);
        frozenFrame.setPreserveRatio(false);
        projectorRoot = new StackPane(projectorPicture, frozenFrame, blackout);
        projectorRoot.getStyleClass().add("projector-window");
        frozenFrame.fitWidthProperty().bind(projectorRoot.widthProperty());
        frozenFrame.fitHeightProperty().bind(projectorRoot.heightProperty());
        Scene projectorScene = new Scene(projectorRoot, 1024, 768, Color.BLACK);
        TypeScale.applyStylesheets(projectorScene, Theme.PROJECTOR);
        projectorStage.setScene(projectorScene);
        installKeys(projectorScene, projector);

        presenterStage = stage != null ? stage : new Stage();
        BorderPane presenterRoot = presenterLayout();
        Scene presenterScene = new Scene(presenterRoot, 1280, 800);
        TypeScale.applyStylesheets(presenterScene, teacher.getTheme());
        presenterStage.setScene(presenterScene);
        presenterActions = installKeys(presenterScene, teacher);
        presenterStage.titleProperty().bind(teacher.lessonProperty().map(l ->
                texts.get("present.window") + " — " + (l.title() == null ? "" : l.title())));
        presenterStage.setOnHidden(e -> close());
        projectorStage.setOnCloseRequest(e -> e.consume()); // only the presenter window closes the pair

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        teacher.revisionProperty().addListener(onChange);
        teacher.session().poll().openProperty().addListener(onPoll);
        screens.addListener(onScreens);
        refresh();
        pollChanged();
        tick();
    }

    /** Shows both windows where {@link ScreenPlacement} puts them. */
    public void open() {
        place();
        presenterStage.show();
        ticker.play();
    }

    /** Closes both windows and lets go of everything they held. Safe to call twice. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.stop();
        screens.removeListener(onScreens);
        teacher.revisionProperty().removeListener(onChange);
        teacher.session().poll().openProperty().removeListener(onPoll);
        identifyStages.forEach(Stage::close);
        identifyStages.clear();
        if (keysSheet != null) {
            keysSheet.close();
            keysSheet = null;
        }
        if (ownsPollHost) {
            pollHost.close();
        }
        projectorStage.close();
        presenterStage.titleProperty().unbind();
        if (presenterStage.isShowing()) {
            presenterStage.close();
        }
        // The scenes' roots hold views listening to the session; a window kept by the toolkit must not keep them.
        projectorStage.getScene().setRoot(new Region());
        presenterStage.getScene().setRoot(new Region());
        onClosed.run();
    }

    public void setOnClosed(Runnable action) {
        onClosed = action;
    }

    // ---- what the class sees ------------------------------------------------------------

    /** B or "." : the projector goes black, and the same key brings the lesson back. */
    public void toggleBlank() {
        blank.setSelected(!blank.isSelected());
        applyBlank();
    }

    public boolean isBlank() {
        return blackout.isVisible();
    }

    /** The projector keeps showing this frame while the teacher tries things on the laptop. */
    public void freeze() {
        if (isFrozen()) {
            return;
        }
        projectorRoot.applyCss();
        projectorRoot.layout();
        WritableImage frame = projectorPicture.snapshot(null, null);
        frozenFrame.setImage(frame);
        frozenFrame.setVisible(true);
        freeze.setSelected(true);
        refreshState();
    }

    /** The projector shows the lesson as it is now. */
    public void show() {
        frozenFrame.setVisible(false);
        frozenFrame.setImage(null);
        freeze.setSelected(false);
        refreshState();
    }

    public boolean isFrozen() {
        return frozenFrame.isVisible();
    }

    /** A large number on every screen for a few seconds, as the screen list names them. */
    public void identifyScreens() {
        identifyStages.forEach(Stage::close);
        identifyStages.clear();
        List<Screen> ordered = orderedScreens();
        for (int i = 0; i < ordered.size(); i++) {
            Rectangle2D b = ordered.get(i).getBounds();
            Label number = new Label(Integer.toString(i + 1));
            number.setStyle("-fx-font-size: " + Math.round(b.getHeight() / 3) + "px; -fx-text-fill: white;"
                    + " -fx-font-weight: bold; -fx-background-color: rgba(0,0,0,0.8); -fx-padding: 0 60 0 60;"
                    + " -fx-background-radius: 30;");
            Stage badge = new Stage(StageStyle.TRANSPARENT);
            Scene scene = new Scene(new StackPane(number), Color.TRANSPARENT);
            badge.setScene(scene);
            badge.setAlwaysOnTop(true);
            badge.sizeToScene();
            badge.show();
            badge.setX(b.getMinX() + (b.getWidth() - badge.getWidth()) / 2);
            badge.setY(b.getMinY() + (b.getHeight() - badge.getHeight()) / 2);
            identifyStages.add(badge);
        }
        PauseTransition hide = new PauseTransition(IDENTIFY_TIME);
        List<Stage> shown = List.copyOf(identifyStages);
        hide.setOnFinished(e -> {
            shown.forEach(Stage::close);
            identifyStages.removeAll(shown);
        });
        hide.play();
    }

    /** The numbers identify shows, in the order of the screen choice: primary first, then left to right. */
    public List<Stage> identifyStages() {
        return List.copyOf(identifyStages);
    }

    /** The teacher's pick from the screen list (index in {@link ScreenPlacement#numbered}); remembered. */
    public void chooseProjectorScreen(int index) {
        if (index < 0 || index >= choices.size()) {
            return;
        }
        settings.setProjectorScreen(choices.get(index).key());
        place();
    }

    public Stage projectorStage() {
        return projectorStage;
    }

    public Stage presenterStage() {
        return presenterStage;
    }

    public Presenter projectorPresenter() {
        return projector;
    }

    public Mode mode() {
        return mode;
    }

    LessonStage projectorLesson() {
        return projectorPicture.lesson();
    }

    /** The class poll as the projector shows it (hidden while no poll is open). */
    public nexttoken.view.poll.PollBoard projectorPoll() {
        return projectorPicture.poll();
    }

    /** Whether the projector shows the open poll instead of the lesson. */
    public boolean projectorShowsThePoll() {
        return projectorPicture.showsThePoll();
    }

    public nexttoken.view.poll.PollHost pollHost() {
        return pollHost;
    }

    Label notesLabel() {
        return notes;
    }

    Label elapsedLabel() {
        return elapsed;
    }

    // ---- placing the windows ------------------------------------------------------------

    /**
     * The screen list changes in steps while a cable is pulled (it can be empty for a
     * moment): the windows move once it has settled, on the next pulse.
     */
    private void placeLater() {
        if (placing || closed) {
            return;
        }
        placing = true;
        Platform.runLater(() -> {
            placing = false;
            if (!closed) {
                place();
            }
        });
    }

    private void place() {
        List<ScreenInfo> infos = screens.stream().map(PresenterScreen::info).toList();
        Placement p = ScreenPlacement.place(infos, settings.projectorScreen());
        refreshScreenChoice(infos);
        if (p.mode() == Mode.NO_SCREEN) {
            return;
        }
        Mode before = mode;
        mode = p.mode();
        if (p.mode() == Mode.SIDE_BY_SIDE && before == Mode.TWO_SCREENS) {
            // The projector is gone: the lesson goes on in the presenter window, full size on the laptop.
            projectorStage.hide();
            Rect laptop = p.presenter();
            move(presenterStage, laptop.x(), laptop.y(), laptop.width() + p.projector().width(), laptop.height());
            refreshState();
            return;
        }
        move(presenterStage, p.presenter());
        move(projectorStage, p.projector());
        miniatures.forEach(m -> m.setSize(p.projector().width(), p.projector().height()));
        if (!projectorStage.isShowing()) {
            projectorStage.show();
        }
        refreshState();
    }

    private static void move(Stage stage, Rect r) {
        move(stage, r.x(), r.y(), r.width(), r.height());
    }

    private static void move(Stage stage, double x, double y, double width, double height) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
    }

    static ScreenInfo info(Screen s) {
        Rectangle2D b = s.getBounds();
        Rectangle2D v = s.getVisualBounds();
        return new ScreenInfo(new Rect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()),
                new Rect(v.getMinX(), v.getMinY(), v.getWidth(), v.getHeight()), s.getOutputScaleX(),
                s.equals(Screen.getPrimary()));
    }

    private List<Screen> orderedScreens() {
        List<ScreenInfo> ordered = ScreenPlacement.numbered(screens.stream().map(PresenterScreen::info).toList());
        List<Screen> out = new ArrayList<>();
        for (ScreenInfo i : ordered) {
            screens.stream().filter(s -> info(s).equals(i)).findFirst().ifPresent(out::add);
        }
        return out;
    }

    private void refreshScreenChoice(List<ScreenInfo> infos) {
        choices = ScreenPlacement.numbered(infos).stream().filter(s -> !s.primary()).toList();
        List<String> labels = new ArrayList<>();
        for (ScreenInfo s : choices) {
            labels.add(texts.format("present.screen", ScreenPlacement.numbered(infos).indexOf(s) + 1,
                    (long) s.bounds().width(), (long) s.bounds().height()));
        }
        if (!screenChoice.getItems().equals(labels)) {
            screenChoice.getItems().setAll(labels);
        }
        ScreenPlacement.projectorScreen(infos, settings.projectorScreen())
                .ifPresentOrElse(s -> screenChoice.getSelectionModel().select(choices.indexOf(s)),
                        () -> screenChoice.getSelectionModel().clearSelection());
        screenChoice.setDisable(choices.size() < 2);
    }

    // ---- the presenter window -----------------------------------------------------------

    private BorderPane presenterLayout() {
        // Both pictures are the projector's layout shrunk: what the class sees now, and after the next click.
        ClassPicture currentPicture = new ClassPicture(projector);
        LessonStage currentLesson = currentPicture.lesson();
        LessonStage nextLesson = new LessonStage(preview);
        Miniature current = new Miniature(currentPicture, PROJECTOR_SIZE.width(), PROJECTOR_SIZE.height());
        Miniature nextStage = new Miniature(nextLesson, PROJECTOR_SIZE.width(), PROJECTOR_SIZE.height());
        miniatures = List.of(current, nextStage);
        currentLesson.getStyleClass().add("present-current");
        nextLesson.getStyleClass().add("present-preview");
        back.setOnAction(e -> teacher.back());
        next.setOnAction(e -> teacher.next());
        blank.setOnAction(e -> applyBlank());
        freeze.setOnAction(e -> {
            if (freeze.isSelected()) {
                freeze();
            } else {
                show();
            }
        });
        show.setOnAction(e -> show());
        identify.setOnAction(e -> identifyScreens());
        zoomIn.setOnAction(e -> projector.zoomIn());
        zoomOut.setOnAction(e -> projector.zoomOut());
        screenChoice.setOnAction(e -> {
            int i = screenChoice.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < choices.size() && !choices.get(i).key().equals(settings.projectorScreen())) {
                chooseProjectorScreen(i);
            }
        });
        for (Region r : List.of(back, next, blank, freeze, show, identify, zoomIn, zoomOut, screenChoice)) {
            r.setFocusTraversable(false);
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        blank.setId("present-blank");
        freeze.setId("present-freeze");
        show.setId("present-show");
        identify.setId("present-identify");
        next.setId("present-forward");
        back.setId("present-backward");
        nextTitle.setId("present-next");
        state.setId("present-state");
        elapsed.setId("present-elapsed");
        time.setId("present-clock");
        notes.setId("present-notes");
        elapsed.getStyleClass().add("present-time");
        time.getStyleClass().add("present-time");
        HBox times = new HBox(10, state, elapsed, time);
        times.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(times, Priority.ALWAYS);
        times.setMinWidth(Region.USE_PREF_SIZE);
        // Wraps on a narrow window (rehearsing side by side on one 1024-pixel screen) instead of cutting the buttons off.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 4, back, next, blank, freeze, show, identify,
                screenChoice, zoomOut, zoomIn, times);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        bar.setPadding(new Insets(4, 8, 4, 8));

        currentTitle.getStyleClass().add("present-heading");
        nextTitle.getStyleClass().add("present-heading");
        notesTitle.getStyleClass().add("present-heading");
        notes.getStyleClass().add("present-notes");
        notes.setWrapText(true);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        // While the class votes, the teacher's Reveal and Close (and the count, readable at laptop size) under its picture.
        nexttoken.view.poll.PollControls pollControls = new nexttoken.view.poll.PollControls(teacher, pollHost,
                currentPicture.poll());
        HBox.setHgrow(pollControls, Priority.ALWAYS);
        pollCount.setId("present-poll-count");
        pollCount.getStyleClass().add("present-heading");
        pollCount.textProperty().bind(currentPicture.poll().countTextProperty());
        pollCount.setMinWidth(Region.USE_PREF_SIZE);
        pollBar.getChildren().setAll(pollCount, pollControls);
        pollBar.setAlignment(Pos.CENTER_LEFT);
        pollBar.setId("present-poll");
        VBox left = new VBox(4, currentTitle, current, pollBar);
        VBox.setVgrow(current, Priority.ALWAYS);
        nextStage.setMaxHeight(Region.USE_PREF_SIZE);
        ScrollPane notesScroll = Scrolling.fittedToWidth(notes);
        VBox.setVgrow(notesScroll, Priority.ALWAYS);
        ScrollPane controlsScroll = Scrolling.fittedToWidth(new ControlsPanel(teacher));
        controlsScroll.setPrefViewportHeight(260);
        controls.setContent(controlsScroll);
        controls.setExpanded(false);
        controls.setAnimated(false);
        VBox right = new VBox(6, nextTitle, nextStage, notesTitle, notesScroll, new StepChips(teacher), controls);
        right.setPadding(new Insets(0, 8, 8, 0));
        HBox center = new HBox(10, left, right);
        center.setPadding(new Insets(6, 0, 0, 8));
        HBox.setHgrow(left, Priority.ALWAYS);
        left.prefWidthProperty().bind(center.widthProperty().multiply(0.58));
        right.prefWidthProperty().bind(center.widthProperty().multiply(0.42));
        left.setMinWidth(0);
        right.setMinWidth(0);
        BorderPane root = new BorderPane(center);
        root.setTop(bar);
        root.getStyleClass().addAll("main-view", "presenter-window");
        root.widthProperty().addListener(o -> TypeScale.apply(root, teacher));
        root.heightProperty().addListener(o -> TypeScale.apply(root, teacher));
        return root;
    }

    /**
     * Either window: the clicker keys move the one session; B and "." blank, F freezes and shows,
     * P asks the class and R reveals (the poll is the session's, so the projector shows it), F1 the keys.
     */
    private nexttoken.view.window.AppActions installKeys(Scene scene, Presenter windowPresenter) {
        // The walk is the session's, so a key in either window moves both; the zoom is this window's own.
        nexttoken.view.window.AppActions[] actions = new nexttoken.view.window.AppActions[1];
        actions[0] = new nexttoken.view.window.AppActions(
                nexttoken.view.window.AppActions.walk(windowPresenter.session().walk()),
                nexttoken.view.window.AppActions.appearance(windowPresenter.appearance(), scene::getWindow),
                nexttoken.view.window.AppActions.projector(this::toggleBlank, this::freezeOrShow),
                nexttoken.view.window.AppActions.poll(pollHost::ask, pollHost::reveal),
                // The sheet lists this window's own actions, which exist only once the list is made.
                nexttoken.view.window.AppActions.help(() -> keysSheet = nexttoken.view.window.KeysSheet.show(
                        scene.getWindow(), actions[0], texts, scene.getStylesheets())));
        nexttoken.view.window.KeyBindings.install(scene, actions[0].all());
        return actions[0];
    }

    /** The keys this window answers to, as its F1 sheet lists them. */
    public nexttoken.view.window.AppActions presenterActions() {
        return presenterActions;
    }

    /** The last keys sheet F1 opened from either window, or null. */
    public Stage keysSheet() {
        return keysSheet;
    }

    /**
     * A poll opened (from any window) or closed. The class must see the code at once, so a frozen
     * projector shows the present again; the teacher's bar appears only while there is a poll to run.
     */
    private void pollChanged() {
        boolean polling = teacher.session().poll().isOpen();
        if (polling && isFrozen()) {
            show();
        }
        pollBar.setVisible(polling);
        pollBar.setManaged(polling);
        refreshState();
    }

    /** F: freezes the projector on its frame, and the same key sends what the laptop shows now. */
    public void freezeOrShow() {
        if (isFrozen()) {
            show();
        } else {
            freeze();
        }
    }

    private void applyBlank() {
        blackout.setVisible(blank.isSelected());
        refreshState();
    }

    private void refresh() {
        if (closed) {
            return;
        }
        Step step = teacher.getStep();
        String note = teacher.getLesson().note(step.fileId());
        notes.setText(note == null ? texts.get("present.no_notes") : note);
        notes.setOpacity(note == null ? 0.6 : 1);
        currentTitle.setText(texts.format("present.current", texts.get(step.nameKey())));
        notesTitle.setText(texts.get("present.notes"));
        blank.setText(texts.get("present.blank"));
        freeze.setText(texts.get("present.freeze"));
        show.setText(texts.get("present.show"));
        identify.setText(texts.get("present.identify"));
        controls.setText(texts.get("toolbar.controls"));
        screenChoice.setPromptText(texts.get("present.screen.none"));
        projectorStage.setTitle(texts.get("present.projector.title"));
        if (teacher.getTheme() != preview.getTheme()) {
            preview.setTheme(teacher.getTheme());
        }
        followLater();
        refreshState();
    }

    /** The preview follows the class one step ahead; many changes in one pulse (a slider drag) make one update. */
    private void followLater() {
        if (followPending) {
            return;
        }
        followPending = true;
        Platform.runLater(() -> {
            followPending = false;
            if (closed) {
                return;
            }
            previewSession.follow(teacher.session());
            preview.next();
            nextTitle.setText(texts.format("present.next", texts.get(preview.getStep().nameKey())));
        });
    }

    private void refreshState() {
        List<String> parts = new ArrayList<>();
        if (mode == Mode.SIDE_BY_SIDE && !projectorStage.isShowing()) {
            parts.add(texts.get("present.state.no_projector"));
        }
        if (isBlank()) {
            parts.add(texts.get("present.state.blank"));
        }
        if (isFrozen()) {
            parts.add(texts.get("present.state.frozen"));
        }
        state.setText(String.join(" · ", parts));
        state.getStyleClass().setAll("label", parts.isEmpty() ? "present-state" : "present-state-on");
        show.setDisable(!isFrozen());
    }

    private void tick() {
        Duration d = Duration.ofMillis(Math.max(0, clock.getAsLong() - openedAt));
        elapsed.setText(String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart()));
        time.setText(LocalTime.now().format(CLOCK));
    }
}
