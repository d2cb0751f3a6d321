package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.LessonReader;
import nexttoken.lesson.LessonWriter;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.settings.UserSettings;
import nexttoken.view.present.PresenterScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14: the teacher writes a step's note in the Lesson tab; the presenter window shows
 * it while it is typed, Undo takes the typing back, and File → Save writes it into the
 * lesson file, which reads back to the same lesson. A note is text, never markup.
 */
@ExtendWith(ApplicationExtension.class)
class TeacherNotesUiTest {
    /** Typed as a teacher might paste it from a web page: the tags must stay visible characters. */
    private static final String TYPED = "Ask first: <b>what number</b> comes out of f1? & why 1800.0";

    @TempDir
    Path dir;
    private Path file;
    private Presenter presenter;
    private MainWindow view;
    private PresenterScreen screen;
    private Stage mainStage;

    @Start
    void start(Stage stage) throws Exception {
        mainStage = stage;
        file = dir.resolve("part2-class.json");
        Files.writeString(file, LessonWriter.toJson(BuiltInLessons.load("part2-en")));
        LessonReader.Result opened = LessonReader.read(file);
        assertTrue(opened.ok(), () -> opened.problems().toString());
        presenter = new Presenter(opened.lesson(), file.toString(), Locale.ENGLISH);
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

    /**
     * Scrolls the Lesson tab until the field is in sight, as a teacher would, then clicks it:
     * the title and embeddings wrap onto their lines, and at 1024×768 the notes sit below the fold.
     */
    private static void scrollToAndClick(FxRobot robot, String query) {
        javafx.scene.Node field = robot.lookup(query).query();
        robot.interact(() -> {
            for (javafx.scene.Node n = field.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                    double contentHeight = scroll.getContent().getLayoutBounds().getHeight();
                    double viewport = scroll.getViewportBounds().getHeight();
                    double top = scroll.getContent().sceneToLocal(field.localToScene(field.getLayoutBounds())).getMinY();
                    if (contentHeight > viewport) {
                        scroll.setVvalue(Math.max(0, Math.min(1, top / (contentHeight - viewport))));
                    }
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(field);
    }

    private String presenterNote() {
        return ((Label) screen.presenterStage().getScene().lookup("#present-notes")).getText();
    }

    @Test
    void aNoteTypedInTheLessonTabShowsInThePresenterWindowUndoesAndSaves(FxRobot robot) throws Exception {
        String shipped = presenter.getLesson().note("f1");
        assertTrue(shipped.contains("578 × 1.0 + 350 × 0.5 + 698 × 1.5"), shipped);
        robot.interact(() -> screen = view.presenterScreens().openPresenterScreen());
        robot.interact(() -> presenter.goTo(Step.F1));
        // On the headless toolkit's one screen the two windows open over the main one: bring it forward to type.
        robot.interact(() -> {
            mainStage.toFront();
            mainStage.requestFocus();
        });
        robot.clickOn("#editor-tab");
        WaitForAsyncUtils.waitForFxEvents();
        LessonEditor editor = view.editor();
        assertEquals(Step.F1, editor.notesStepChoice().getValue(), "the notes follow the step on the screen");
        assertEquals(shipped, editor.notesField().getText());
        assertEquals(shipped, presenterNote());
        assertTrue(robot.lookup("#editor-notes-hint").queryAs(Label.class).getText().contains("English"),
                "the teacher is told the note is in the lesson's language");

        // Typed key by key, as a teacher types: every keystroke reaches the presenter window.
        scrollToAndClick(robot, "#editor-notes");
        robot.interact(() -> editor.notesField().selectAll());
        robot.write(TYPED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TYPED, presenter.getLesson().note("f1"));
        assertEquals(TYPED, presenterNote(), "the presenter window shows the note as typed, tags as text");
        assertEquals(shipped, BuiltInLessons.load("part2-en").note("f1"), "the built-in lesson is untouched");
        assertTrue(presenter.isDirty());

        // Leaving the field ends the stretch of typing: one Undo takes all of it back.
        scrollToAndClick(robot, "#editor-title");
        robot.interact(presenter::undo);
        assertEquals(shipped, presenter.getLesson().note("f1"));
        assertEquals(shipped, editor.notesField().getText(), "the field follows the undo");
        assertEquals(shipped, presenterNote());
        assertFalse(presenter.isDirty());

        // Another step's note, picked in the chooser while the class stays on f1.
        robot.interact(() -> editor.notesStepChoice().getSelectionModel().select(Step.F2));
        scrollToAndClick(robot, "#editor-notes");
        robot.interact(() -> editor.notesField().selectAll());
        robot.write(TYPED);
        scrollToAndClick(robot, "#editor-title");
        assertEquals(TYPED, presenter.getLesson().note("f2"));
        assertEquals(shipped, presenter.getLesson().note("f1"));
        assertEquals(shipped, presenterNote(), "the class is on f1: its note stays in the presenter window");
        robot.interact(() -> presenter.goTo(Step.F2));
        assertEquals(TYPED, presenterNote());

        // An emptied note is no note: the file leaves the step out, the presenter window says so.
        robot.interact(() -> {
            editor.notesStepChoice().getSelectionModel().select(Step.SAMPLE);
            editor.notesField().clear();
        });
        assertNull(presenter.getLesson().note("sample"));

        robot.interact(() -> view.files().save());
        assertFalse(presenter.isDirty());
        String json = Files.readString(file);
        assertTrue(json.contains("\"f2\": \"Ask first: <b>what number</b> comes out of f1? & why 1800.0\""), json);
        assertFalse(json.contains("\"sample\":"), "the emptied note is not written");
        LessonReader.Result saved = LessonReader.read(file);
        assertTrue(saved.ok(), () -> saved.problems().toString());
        assertEquals(presenter.getLesson(), saved.lesson(), "the saved file reads back to the lesson as edited");
        assertEquals(TYPED, saved.lesson().note("f2"));
        assertEquals(shipped, saved.lesson().note("f1"));
    }

    @Test
    void aSpanishLessonsNotesAreWrittenInSpanish(FxRobot robot) {
        robot.interact(() -> presenter.load(BuiltInLessons.load("part2"), "part2"));
        robot.clickOn("#editor-tab");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#editor-notes-hint").queryAs(Label.class).getText().contains("Spanish"));
        assertEquals(BuiltInLessons.load("part2").note("tokens"), view.editor().notesField().getText());
        robot.interact(() -> presenter.goTo(Step.F1));
        assertTrue(view.editor().notesField().getText().startsWith("Pregunta antes de revelar: ¿qué número sale de f1?"),
                "part 2's notes are the post's Spanish questions");
        robot.interact(() -> presenter.setLanguage(Locale.forLanguageTag("es")));
        assertTrue(robot.lookup("#editor-notes-hint").queryAs(Label.class).getText().contains("español"));
    }
}
