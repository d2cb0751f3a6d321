package nexttoken.export;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import nexttoken.presenter.Appearance;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Session;
import nexttoken.presenter.Theme;
import nexttoken.view.MainWindow;
import nexttoken.view.StepView;

/**
 * Renders a lesson's views and the whole window offscreen, from a copy of a session with
 * every value revealed: a handout or the command line's export never touches the live
 * window (no flash of "show all" on the projector). Runs on the FX thread; close it after use.
 */
public final class SlideRenderer implements AutoCloseable {
    /** The size the command line lays a slide out at: a 16:10 projector. */
    public static final double SLIDE_WIDTH = 1440;
    public static final double SLIDE_HEIGHT = 900;

    private final Presenter presenter;
    private final MainWindow window;
    private final Scene scene;
    /** Where the copy's walk was: the slide shows that step, whichever stage a view needed meanwhile. */
    private final nexttoken.presenter.Step shownStep;

    private SlideRenderer(Session live, Theme theme, double zoom, double width, double height, boolean controlsVisible) {
        Session copy = live.copy();
        copy.walk().setRevealAll(true);
        Appearance appearance = new Appearance(copy.revision());
        appearance.setTheme(theme);
        appearance.setZoom(zoom);
        presenter = new Presenter(copy, appearance);
        shownStep = copy.walk().getStep();
        window = new MainWindow(presenter);
        window.setControlsVisible(controlsVisible);
        scene = new Scene(window, width, height);
        window.applyCss();
        window.layout();
    }

    /**
     * The session where it is, every value shown, in a window of this size.
     *
     * @param zoom the live window's zoom, so the type has the size the class sees
     * @param controlsVisible whether the side panel takes its share of the width, as in the live window
     */
    public static SlideRenderer revealed(Session live, Theme theme, double zoom, double width, double height,
            boolean controlsVisible) {
        return new SlideRenderer(live, theme, zoom, width, height, controlsVisible);
    }

    /** The copy the views draw from; moving it moves nothing live. */
    public Presenter presenter() {
        return presenter;
    }

    /** Every view the lesson has, in reading order (an attention lesson's of both stages). */
    public List<StepView> views() {
        return window.allViews();
    }

    /** One view, laid out as in the window at a step of its stage (every value is revealed at any step). */
    public WritableImage view(StepView v, PngExport.Options options) {
        if (!window.visibleViews().contains(v)) {
            showStageOf(v);
        }
        return PngExport.render(v, v.exportCaption(), options);
    }

    /** The whole window at the step the session was at, as the slide of the command line's export. */
    public WritableImage slide(PngExport.Options options) {
        if (presenter.getStep() != shownStep) {
            presenter.goTo(shownStep);
            relayout();
        }
        return PngExport.render(window, null, options);
    }

    private void showStageOf(StepView v) {
        var id = window.viewId(v);
        for (var stage : nexttoken.view.step.LessonViews.stages(presenter.getLesson())) {
            var onPath = stage.steps().stream().filter(presenter.path()::contains).toList();
            if (stage.views().contains(id) && !onPath.isEmpty()) {
                presenter.goTo(onPath.get(onPath.size() - 1));
                relayout();
                return;
            }
        }
    }

    private void relayout() {
        window.applyCss();
        window.layout();
    }

    /** Lets go of the offscreen window, so that its views can be collected. */
    @Override
    public void close() {
        scene.setRoot(new Pane());
    }
}
