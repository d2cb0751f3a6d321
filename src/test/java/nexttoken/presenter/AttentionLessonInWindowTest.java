package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Lesson;
import nexttoken.model.ProblemKind;
import org.junit.jupiter.api.Test;

/**
 * Until attention lessons have views, a window never opens one: the lesson shown stays
 * and the banner says where parts 6 and 7 run; Generate N stops at a lesson's end token.
 */
class AttentionLessonInWindowTest {

    @Test
    void openingAnAttentionLessonKeepsTheCurrentOneAndSaysWhy() {
        Presenter presenter = new Presenter(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
        presenter.setTemperature(0.5);
        presenter.load(BuiltInLessons.load("part7"), "part7");
        assertEquals("Parte 3 — vectores y embeddings", presenter.getLesson().title());
        assertEquals(0.5, presenter.getLesson().temperature(), "the edited lesson is not lost");
        assertEquals(ProblemKind.ATTENTION_NOT_IN_APP, presenter.loadProblemProperty().get().kind());
        assertEquals("part7: attention lessons (parts 6 and 7) have no views in the app yet; trace, generate and train"
                + " them on the command line (java -jar nexttoken.jar trace --lesson …)",
                presenter.loadProblemProperty().get().describe(Locale.ENGLISH));
    }

    @Test
    void aWindowAskedToStartOnOneOpensTheDefaultLessonInItsLanguage() {
        Presenter presenter = new Presenter(BuiltInLessons.load("part6-en"), "part6-en", Locale.ENGLISH);
        assertEquals("part2-en", presenter.lessonSourceProperty().get());
        assertEquals(ProblemKind.ATTENTION_NOT_IN_APP, presenter.loadProblemProperty().get().kind());
        assertTrue(presenter.loadProblemProperty().get().describe(Locale.forLanguageTag("es"))
                .contains("aún no tienen vistas en la aplicación"));
    }

    @Test
    void generateStopsAtTheEndToken() {
        Lesson part3 = BuiltInLessons.load("part3").withTemperature(0).withEndToken("azul");
        Presenter presenter = new Presenter(part3, "part3", Locale.ENGLISH);
        presenter.generate(5);
        assertEquals(List.of("el", "cielo", "es", "azul"), presenter.textProperty().get());
    }
}
