package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import org.junit.jupiter.api.Test;

/** Theme and zoom belong to one window; the session they draw stays shared. */
class AppearanceTest {

    @Test
    void zoomStepsByATenthAndStopsAtItsBounds() {
        Appearance a = new Appearance(new Revision());
        a.zoomIn();
        assertEquals(1.1, a.getZoom(), 1e-12);
        for (int i = 0; i < 50; i++) {
            a.zoomIn();
        }
        assertEquals(Appearance.MAX_ZOOM, a.getZoom());
        for (int i = 0; i < 50; i++) {
            a.zoomOut();
        }
        assertEquals(Appearance.MIN_ZOOM, a.getZoom());
        a.resetZoom();
        assertEquals(1.0, a.getZoom());
    }

    @Test
    void twoWindowsOfOneSessionKeepTheirOwnThemeAndZoomButShareTheWalk() {
        Session session = new Session(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        Presenter main = new Presenter(session);
        Presenter projector = main.withAppearance(new Appearance(session.revision()));
        projector.setTheme(Theme.PROJECTOR);
        projector.zoomIn();
        assertEquals(Theme.LIGHT, main.getTheme());
        assertEquals(1.0, main.getZoom());
        assertEquals(Theme.PROJECTOR, projector.getTheme());
        int before = session.revision().get();
        main.next();
        assertEquals(Step.INPUT, projector.getStep());
        assertEquals(before + 1, projector.revisionProperty().get(), "one revision for every window");
    }
}
