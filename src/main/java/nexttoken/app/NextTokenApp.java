package nexttoken.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.settings.UserSettings;
import nexttoken.view.MainWindow;

/** The desktop app: opens on part 1 (or on the lesson file given as the only argument). */
public final class NextTokenApp extends Application {
    static final String FIRST_LESSON = "part1";

    public static void main(String[] args) {
        renderSettings();
        if (Boolean.getBoolean(FIRST_FRAME_PROPERTY)) {
            // The process's start time comes from the management classes (about 40 of them, 15 ms
            // or more on a busy machine): read it on another core now, so the measurement does not
            // add its own class loading to the frame it times.
            PROCESS_START.set(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
        // The first lesson is read (and the JSON reader loaded) on another core while JavaFX
        // starts its toolkit: the two took 0.4 s each, one after the other, before the window.
        FIRST.set(java.util.concurrent.CompletableFuture.supplyAsync(NextTokenApp::firstLesson));
        launch(NextTokenApp.class, args);
    }

    /**
     * Settings the renderer reads once, when the toolkit starts (so before {@code launch}): a
     * property given on the command line wins. A slider move changes a dozen small places of the
     * window (bars, numbers, the sampled token, the scatter); JavaFX keeps 6 dirty regions by
     * default and merges the rest into large rectangles it paints whole, and in software rendering
     * every pixel costs. Measured at 100,000 tokens, 1920×1080 (pulse logger): 6 regions repaint
     * 22 % of the window per move at the median and 70 % at p99; 15 regions 14 % and 29 %.
     */
    public static void renderSettings() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", "15");
        }
    }

    /** The settings, the language, and the first lesson in it. */
    private record FirstLesson(UserSettings settings, Locale locale, String id, nexttoken.model.Lesson lesson) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<FirstLesson>> FIRST =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static FirstLesson firstLesson() {
        UserSettings settings = UserSettings.forUser();
        Locale locale = settings.language(Locale.getDefault());
        String id = BuiltInLessons.inLanguage(FIRST_LESSON, locale);
        return new FirstLesson(settings, locale, id, BuiltInLessons.load(id));
    }

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    /** True once the toolkit is up and {@link #start} runs: a failure before that is the display's, not the app's. */
    static boolean started() {
        return STARTED.get();
    }

    @Override
    public void start(Stage stage) {
        STARTED.set(true);
        java.util.concurrent.CompletableFuture<FirstLesson> preloaded = FIRST.getAndSet(null);
        FirstLesson first = preloaded != null ? preloaded.join() : firstLesson();
        UserSettings settings = first.settings();
        Presenter presenter = new Presenter(first.lesson(), first.id(), first.locale());
        presenter.setTheme(settings.theme());
        List<String> raw = getParameters().getRaw();
        if (!raw.isEmpty() && raw.get(0).equals(PRESENT)) {
            present(stage, presenter, settings, raw.size() > 1 ? raw.get(1) : null);
            return;
        }
        MainWindow view = new MainWindow(presenter, settings);
        List<String> args = getParameters().getUnnamed();
        if (args.size() == 1) {
            view.files().openFile(Path.of(args.get(0)));
        }
        Scene scene = createScene(view);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(presenter.lessonProperty().map(l -> "NextToken — " + (l.title() == null ? "" : l.title())));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A classroom app fills the projector; the window manager may still let the teacher resize it.
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setMaximized(true);
        view.setControlsVisible(screen.getWidth() >= 1300);
        stage.setOnCloseRequest(e -> {
            if (!view.files().unsavedChangesMayGo()) {
                e.consume();
            }
        });
        stage.show();
        if (Boolean.getBoolean(FIRST_FRAME_PROPERTY)) {
            reportFirstFrame(scene);
        }
    }

    static final String PRESENT = "--present";

    /**
     * {@code --present [LESSON]}: the presenter screen alone, its presenter window on this
     * stage. A lesson that cannot be opened is one {@code error:} line and exit status 2,
     * as on the command line, before any window shows.
     */
    private static void present(Stage stage, Presenter presenter, UserSettings settings, String lesson) {
        if (lesson != null) {
            var opened = nexttoken.lesson.LessonSource.open(lesson, null, presenter.getLanguage(), "--present");
            if (opened.problem() != null) {
                System.err.println("error: " + opened.problem().describe(presenter.getLanguage()));
                System.exit(2);
            }
            presenter.load(opened.lesson(), opened.source());
        }
        nexttoken.view.present.PresenterScreen screen = new nexttoken.view.present.PresenterScreen(presenter, settings, stage);
        screen.setOnClosed(javafx.application.Platform::exit);
        screen.open();
    }

    /** Set by the benchmark: print the time from process start to the first rendered frame, then quit. */
    static final String FIRST_FRAME_PROPERTY = "nexttoken.bench.firstFrame";

    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Long>> PROCESS_START =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static void reportFirstFrame(Scene scene) {
        var tracker = com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene);
        tracker.setOnRenderedFrameTask(() -> {
            long now = System.currentTimeMillis();
            java.util.concurrent.CompletableFuture<Long> start = PROCESS_START.get();
            long ms = now - (start != null ? start.join()
                    : java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
            System.out.println("first-frame-ms=" + ms);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        });
    }

    /** The scene; MainWindow adds the stylesheets of the presenter's theme once it is in it. */
    public static Scene createScene(MainWindow view) {
        return new Scene(view);
    }
}
