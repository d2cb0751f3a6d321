package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.view.window.KeysSheet;
import nexttoken.view.window.KeysSheet.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The help sheet of keys is written from the window's actions: the poll's P and R are on it, in both languages. */
@ExtendWith(ApplicationExtension.class)
class KeysSheetUiTest {
    private Presenter presenter;
    private MainWindow view;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part2-en"), "part2-en", Locale.ENGLISH);
        view = new MainWindow(presenter);
        ProjectorWindow.show(stage, view);
    }

    @Test
    void theSheetNamesEveryKeyOfTheWindowWithWhatItDoes(FxRobot robot) {
        List<Row> rows = KeysSheet.rows(view.actions(), new Texts(presenter));
        assertEquals(new Row("Page Down, Right, Space", "next step (clickers send Page Down)"), rows.get(0));
        assertEquals(new Row("Page Up, Left, Backspace", "back, all the way to the start"), rows.get(1));
        assertTrue(rows.contains(new Row("1 … 9", "jump to that step (the numbers on the step chips)")), rows::toString);
        assertTrue(rows.contains(new Row("P", "Ask the class")), rows::toString);
        assertTrue(rows.contains(new Row("R", "reveal the poll: the class beside the model")), rows::toString);
        assertTrue(rows.contains(new Row("F5, F11", "Full screen")), rows::toString);
        assertTrue(rows.contains(new Row("F1", "this sheet of keys (Esc closes it)")), rows::toString);
        assertFalse(rows.stream().anyMatch(r -> r.does().startsWith("keys.") || r.does().contains(".")
                && !r.does().contains(" ")), "every line has a sentence from the bundle: " + rows);

        robot.interact(() -> presenter.setLanguage(Locale.forLanguageTag("es")));
        List<Row> spanish = KeysSheet.rows(view.actions(), new Texts(presenter));
        assertTrue(spanish.contains(new Row("R", "mostrar el resultado de la votación: la clase junto al modelo")), spanish::toString);
        assertTrue(spanish.contains(new Row("P", "Pregunta a la clase")), spanish::toString);
    }

    @Test
    void f1OpensTheSheetAndEscClosesIt(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Stage sheet = (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Keys".equals(s.getTitle())).findFirst().orElseThrow();
        assertTrue(sheet.isShowing());
        assertTrue(sheet.getScene().getRoot().lookupAll(".keys-sheet-keys").stream()
                .anyMatch(n -> "R".equals(((Label) n).getText())), "R is on the sheet");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sheet.isShowing());
    }
}
