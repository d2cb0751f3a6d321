package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.ScreenPlacement;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
import nexttoken.view.present.PresenterScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The presenter screen on the headless toolkit's one screen (side by side, as when
 * rehearsing): the two windows over one session, the keys from either window, blank,
 * freeze and show, the notes, the preview, and no leak over fifty openings.
 * Two real monitors: scripts/present-two-screens.sh.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterScreenUiTest {
    private Presenter presenter;
    private MainWindow view;
    private PresenterScreen screen;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part2-en"), "part2-en", Locale.ENGLISH);
        view = new MainWindow(presenter, UserSettings.inMemory());
        stage.setScene(new Scene(view, 1024, 768));
        stage.show();
    }

    @AfterEach
    void closeScreen(FxRobot robot) {
        if (screen != null) {
            robot.interact(screen::close);
        }
    }

    private void open(FxRobot robot) {
        robot.interact(() -> screen = view.presenterScreens().openPresenterScreen());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void press(FxRobot robot, Stage stage, KeyCode code) {
        ProjectorWindow.press(robot, stage, code);
    }

    private static String text(Stage stage, String id) {
        return ((Label) stage.getScene().lookup("#" + id)).getText();
    }

    @Test
    void oneScreenPutsBothWindowsSideBySideAndTheProjectorShowsOnlyTheLesson(FxRobot robot) {
        open(robot);
        assertEquals(ScreenPlacement.Mode.SIDE_BY_SIDE, screen.mode());
        Stage projector = screen.projectorStage();
        Stage teacher = screen.presenterStage();
        assertTrue(projector.isShowing());
        assertTrue(teacher.isShowing());
        var bounds = Screen.getPrimary().getVisualBounds();
        assertEquals(bounds.getMinX(), teacher.getX());
        assertEquals(bounds.getWidth() / 2, teacher.getWidth(), 1);
        assertEquals(teacher.getX() + teacher.getWidth(), projector.getX(), 1);
        assertFalse(projector.isFullScreen(), "an undecorated stage, not full screen, which drops out on a click elsewhere");
        Scene scene = projector.getScene();
        assertNotNull(scene.lookup(".composition-bar"));
        assertNull(scene.lookup(".toolbar"), "no toolbar, menus or controls for the class");
        assertNull(scene.lookup(".menu-bar"));
        assertNull(scene.lookup(".slider"));
        assertNotNull(teacher.getScene().lookup(".slider"), "the controls are in the presenter window");
        assertEquals(Theme.PROJECTOR, screen.projectorPresenter().getTheme(), "projector type sizes by default");
        assertEquals(1.0, screen.projectorPresenter().getZoom());
    }

    @Test
    void clickerKeysFromEitherWindowMoveBoth(FxRobot robot) {
        open(robot);
        press(robot, screen.presenterStage(), KeyCode.PAGE_DOWN);
        assertEquals(Step.INPUT, presenter.getStep());
        assertEquals(Step.INPUT, screen.projectorPresenter().getStep());
        press(robot, screen.projectorStage(), KeyCode.PAGE_DOWN);
        assertEquals(Step.F1, presenter.getStep());
        assertEquals(Step.F1, screen.projectorPresenter().getStep());
        press(robot, screen.presenterStage(), KeyCode.PAGE_UP);
        assertEquals(Step.INPUT, presenter.getStep());
    }

    @Test
    void theNotesAndThePreviewFollowTheStep(FxRobot robot) {
        open(robot);
        press(robot, screen.presenterStage(), KeyCode.DIGIT3);
        assertEquals(Step.F1, presenter.getStep());
        assertEquals(presenter.getLesson().note("f1"), text(screen.presenterStage(), "present-notes"));
        assertTrue(text(screen.presenterStage(), "present-notes").contains("578 × 1.0 + 350 × 0.5 + 698 × 1.5"));
        assertEquals("Next: f2", text(screen.presenterStage(), "present-next"));
        assertEquals(Step.F1, presenter.getStep(), "the preview is a session of its own: the class has not moved");
    }

    @Test
    void blankAndTheSameKeyBringsItBack(FxRobot robot) {
        open(robot);
        assertFalse(screen.isBlank());
        press(robot, screen.presenterStage(), KeyCode.B);
        assertTrue(screen.isBlank());
        assertTrue(text(screen.presenterStage(), "present-state").contains("projector blank"));
        press(robot, screen.presenterStage(), KeyCode.B);
        assertFalse(screen.isBlank());
        press(robot, screen.projectorStage(), KeyCode.PERIOD);
        assertTrue(screen.isBlank());
        press(robot, screen.projectorStage(), KeyCode.PERIOD);
        assertFalse(screen.isBlank());
    }

    @Test
    void freezeKeepsTheProjectorsFrameWhileTheTeacherTriesAndShowSendsIt(FxRobot robot) {
        open(robot);
        robot.interact(() -> presenter.goTo(Step.NORMALIZE));
        robot.interact(screen::freeze);
        assertTrue(screen.isFrozen());
        Stage projector = screen.projectorStage();
        var frozen = (javafx.scene.image.ImageView) projector.getScene().getRoot().getChildrenUnmodifiable().get(1);
        assertTrue(frozen.isVisible());
        assertNotNull(frozen.getImage());
        robot.interact(() -> presenter.setF1Weight(0, 2.0));
        assertTrue(frozen.isVisible(), "the class still sees the frame it saw");
        assertEquals(2.0, screen.projectorPresenter().getLesson().f1().get(0), "the session itself moved on");
        robot.interact(screen::show);
        assertFalse(screen.isFrozen());
        assertFalse(frozen.isVisible());
        press(robot, screen.presenterStage(), KeyCode.F);
        assertTrue(screen.isFrozen());
        press(robot, screen.presenterStage(), KeyCode.F);
        assertFalse(screen.isFrozen());
    }

    @Test
    void identifyShowsANumberOnEveryScreen(FxRobot robot) {
        open(robot);
        robot.interact(screen::identifyScreens);
        assertEquals(Screen.getScreens().size(), screen.identifyStages().size());
        assertEquals("1", ((Label) screen.identifyStages().get(0).getScene().getRoot().getChildrenUnmodifiable().get(0)).getText());
    }

    @Test
    void theElapsedTimeAndTheClockAreShown(FxRobot robot) {
        open(robot);
        assertTrue(text(screen.presenterStage(), "present-elapsed").matches("0:00:0\\d"),
                text(screen.presenterStage(), "present-elapsed"));
        assertTrue(text(screen.presenterStage(), "present-clock").matches("\\d\\d:\\d\\d"));
    }

    @Test
    void closingThePresenterWindowClosesBothAndTheMenuOpensItAgain(FxRobot robot) {
        open(robot);
        PresenterScreen first = screen;
        robot.interact(() -> first.presenterStage().close());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(first.projectorStage().isShowing());
        assertNull(view.presenterScreens().presenterScreen());
        open(robot);
        assertTrue(screen != first);
        assertTrue(screen.projectorStage().isShowing());
    }

    @Test
    void openingAndClosingFiftyTimesDoesNotGrowTheHeap(FxRobot robot) {
        Runnable openAndClose = () -> view.presenterScreens().openPresenterScreen().close();
        for (int i = 0; i < 3; i++) {
            robot.interact(openAndClose);
        }
        WaitForAsyncUtils.waitForFxEvents();
        long baseline = Heap.usedAfterGc();
        java.util.List<java.lang.ref.WeakReference<Object>> closed = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            robot.interact(() -> {
                PresenterScreen s = view.presenterScreens().openPresenterScreen();
                closed.add(new java.lang.ref.WeakReference<>(s.presenterStage()));
                closed.add(new java.lang.ref.WeakReference<>(s.projectorStage()));
                closed.add(new java.lang.ref.WeakReference<>(s.projectorPresenter()));
                s.close();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        long after = Heap.usedAfterGc();
        // A closed screen keeps nothing: its two windows and the projector's session are collected.
        // The last one closed is left out: the headless toolkit may still hold its window (the last
        // focus change) until another window takes it, which bounds what it keeps at one screen.
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int i = 0; i < closed.size() - 3; i++) {
            if (closed.get(i).get() != null) {
                kept.add(i / 3);
            }
        }
        assertEquals(java.util.List.of(), kept, "closed screens still reachable (by opening)");
        // One screen (two windows, a copy of the lesson's views) is several megabytes: 50 kept would be far past this.
        assertTrue(after < baseline + 4L * 1024 * 1024,
                "50 openings grew the heap from " + baseline / 1_048_576 + " MB to " + after / 1_048_576 + " MB");
    }
}
