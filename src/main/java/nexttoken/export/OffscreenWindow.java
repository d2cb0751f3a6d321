package nexttoken.export;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import nexttoken.model.Lesson;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import nexttoken.view.MainView;

/**
 * The main window laid out offscreen, every value revealed, for pictures of it: the PNG
 * export and the handout's figures. It has a presenter of its own, so the live window
 * (if any) never flashes its "show all" while a file is made. FX thread only.
 */
public final class OffscreenWindow {
    /** The window a slide is laid out in, before scaling: a 16:10 projector. */
    public static final int WIDTH = 1440;
    public static final int HEIGHT = 900;

    private OffscreenWindow() {
    }

    /** Runs {@code work} on a laid-out window at the sample (or lookup) step, then lets the window go. */
    public static <T> T with(Lesson lesson, String source, Locale locale, Theme theme, Function<MainView, T> work) {
        Presenter presenter = new Presenter(lesson, source, locale);
        presenter.setTheme(theme);
        presenter.setRevealAll(true);
        List<Step> path = presenter.path();
        presenter.goTo(path.get(path.size() - 2)); // the sample (or the lookup) shown, nothing appended yet
        MainView view = new MainView(presenter);
        view.setControlsVisible(false);
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        view.applyCss();
        view.layout();
        try {
            return work.apply(view);
        } finally {
            scene.setRoot(new Pane());
        }
    }
}
