package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.stage.Stage;
import nexttoken.lesson.GeneratedLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sentence above the panels holds still while a class drags a slider. */
@ExtendWith(ApplicationExtension.class)
class SentenceStripUiTest {
    private Presenter presenter;
    private MainWindow view;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(GeneratedLessons.cl100k(Locale.ENGLISH), GeneratedLessons.CL100K_ID, Locale.ENGLISH);
        presenter.setRevealAll(true);
        presenter.goTo(Step.SAMPLE);
        view = new MainWindow(presenter);
        view.setControlsVisible(true);
        ProjectorWindow.show(stage, view);
    }

    @Test
    void aLongNextTokenGivesTheSentenceASecondLineThatStaysForTheShortOnesAfterIt(FxRobot robot) {
        SentenceStrip strip = (SentenceStrip) view.lookup(".sentence-strip");
        javafx.scene.Node grid = view.lookup(".view-grid");
        double oneLine = strip.getHeight();
        // Hotter and hotter: the draws wander over 100,261 tokens, long and short.
        double wrapped = -1;
        double gridTop = -1;
        int shortAfterLong = 0;
        for (int k = 0; k < 200 && shortAfterLong < 5; k++) {
            double t = 1.0 + 0.05 * k;
            robot.interact(() -> presenter.setTemperature(t));
            WaitForAsyncUtils.waitForFxEvents();
            double h = strip.getHeight();
            if (wrapped < 0 && h > oneLine + 1) {
                wrapped = h;
                gridTop = grid.localToScene(grid.getLayoutBounds()).getMinY();
            } else if (wrapped > 0) {
                String next = presenter.getLesson().vocabulary().token(presenter.getSampledIndex());
                assertEquals(wrapped, h, 0.5, "after \"" + next + "\" the sentence keeps its two lines");
                assertEquals(gridTop, grid.localToScene(grid.getLayoutBounds()).getMinY(), 0.5, "the panels stay where they were");
                if (strip.prefHeight(strip.getWidth()) >= wrapped && next.length() < 6) {
                    shortAfterLong++;
                }
            }
        }
        assertTrue(wrapped > 0, "some token drawn at these temperatures is too long for one line at 1024 pixels");
        assertTrue(shortAfterLong > 0, "short tokens were drawn after the long one");
    }
}
