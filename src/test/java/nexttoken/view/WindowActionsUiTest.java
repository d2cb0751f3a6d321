package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Appearance;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.view.window.AppActions;
import nexttoken.view.window.KeyBindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Each command once: its keys run it once, its menu item shows its label and key, a second window binds its own. */
@ExtendWith(ApplicationExtension.class)
class WindowActionsUiTest {
    private Presenter presenter;
    private MainWindow view;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        view = new MainWindow(presenter);
        ProjectorWindow.show(stage, view);
    }

    @Test
    void aShortcutThatIsAlsoAMenuAcceleratorRunsItsCommandOnce(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, presenter.getZoom(), 1e-12);
    }

    @Test
    void ctrlSSavesAFileLessonOnceToItsOwnFile(FxRobot robot, @TempDir Path dir) {
        Path file = dir.resolve("mine.json");
        robot.interact(() -> assertTrue(view.files().saveTo(file)));
        robot.interact(() -> presenter.setTemperature(2.0));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(false, presenter.isDirty());
        assertEquals(2.0, nexttoken.lesson.LessonReader.read(file).lesson().temperature());
    }

    @Test
    void theMenusAreBuiltFromTheActions() {
        MenuBar bar = (MenuBar) view.lookup("#menu-bar");
        List<MenuItem> viewItems = bar.getMenus().get(1).getItems();
        MenuItem zoomIn = viewItems.stream().filter(i -> "Zoom in".equals(i.getText())).findFirst().orElseThrow();
        assertEquals(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), zoomIn.getAccelerator());
        Menu file = bar.getMenus().get(0);
        assertEquals("Open…", file.getItems().get(0).getText());
        assertEquals(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), file.getItems().get(0).getAccelerator());
    }

    @Test
    void aSecondWindowStepsTheSharedWalkAndZoomsOnlyItself(FxRobot robot) {
        Presenter projector = presenter.withAppearance(new Appearance(presenter.session().revision()));
        Scene[] second = new Scene[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            second[0] = new Scene(new StackPane(), 400, 300);
            stage.setScene(second[0]);
            KeyBindings.install(second[0], new AppActions(AppActions.walk(presenter.session().walk()),
                    AppActions.appearance(projector.appearance(), () -> stage)).all());
            stage.show();
        });
        robot.interact(() -> {
            second[0].getRoot().fireEvent(key(KeyCode.PAGE_DOWN, false));
            second[0].getRoot().fireEvent(key(KeyCode.EQUALS, true));
        });
        assertEquals(Step.INPUT, presenter.getStep(), "the walk is the session's");
        assertEquals(1.1, projector.getZoom(), 1e-12);
        assertEquals(1.0, presenter.getZoom(), "the main window keeps its zoom");
        robot.interact(() -> second[0].getWindow().hide());
    }

    private static KeyEvent key(KeyCode code, boolean control) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, control, false, false);
    }
}
