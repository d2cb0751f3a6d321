package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Lesson;
import org.junit.jupiter.api.Test;

/**
 * Attention lessons open in a window like any other: their step path (without the
 * feed-forward step when the lesson has none), the clicker's walk through it to the next
 * word, and Generate N stopping at a lesson's end token.
 */
class AttentionLessonInWindowTest {

    @Test
    void openingAnAttentionLessonOpensIt() {
        Presenter presenter = new Presenter(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
        presenter.load(BuiltInLessons.load("part7"), "part7");
        assertEquals("part7", presenter.lessonSourceProperty().get());
        assertNull(presenter.loadProblemProperty().get());
        assertEquals(StepPaths.ATTENTION_PATH, presenter.path());
        assertEquals(Step.TOKENS, presenter.getStep());
    }

    @Test
    void part6HasNoFeedForwardStep() {
        Presenter presenter = new Presenter(BuiltInLessons.load("part6-en"), "part6-en", Locale.ENGLISH);
        assertEquals("part6-en", presenter.lessonSourceProperty().get());
        assertEquals(List.of(Step.TOKENS, Step.POSITIONS, Step.ATTENTION, Step.HEADS, Step.F2, Step.NORMALIZE,
                Step.FILTER, Step.SAMPLE, Step.APPEND), presenter.path());
        presenter.goTo(Step.FEED_FORWARD);
        assertEquals(Step.TOKENS, presenter.getStep(), "a step the lesson does not have is not gone to");
    }

    @Test
    void nextWalksPart6ToItsNextWordAndAppendsIt() {
        Presenter presenter = new Presenter(BuiltInLessons.load("part6"), "part6", Locale.ENGLISH);
        for (int i = 0; i < presenter.path().size() - 1; i++) {
            presenter.next();
        }
        assertEquals(Step.APPEND, presenter.getStep());
        // The trace README pins: "es" → azul 0.4911, the most probable; seed 0's draw lands on it.
        assertEquals(0.4911, presenter.getTrace().normalization().probabilities().get(
                presenter.getLesson().vocabulary().indexOf("azul").getAsInt()), 5e-5);
        String next = presenter.getLesson().vocabulary().token(presenter.getSampledIndex());
        presenter.next();
        assertEquals(List.of("el", "cielo", "es", next), presenter.textProperty().get());
        assertEquals(Step.TOKENS, presenter.getStep());
        presenter.back();
        assertEquals(Step.APPEND, presenter.getStep());
        assertEquals(List.of("el", "cielo", "es"), presenter.textProperty().get());
    }

    @Test
    void generateStopsAtTheEndToken() {
        Lesson part3 = BuiltInLessons.load("part3").withTemperature(0).withEndToken("azul");
        Presenter presenter = new Presenter(part3, "part3", Locale.ENGLISH);
        presenter.generate(5);
        assertEquals(List.of("el", "cielo", "es", "azul"), presenter.textProperty().get());
    }

    @Test
    void generateOnAnAttentionLessonStopsAtItsEndToken() {
        // part7 untrained repeats itself ("azul es azul es …") and never writes "."; with its end
        // token set to "es", greedy Generate 10 stops right after the first "es" it writes.
        Lesson part7 = BuiltInLessons.load("part7").withTemperature(0).withEndToken("es");
        Presenter presenter = new Presenter(part7, "part7", Locale.ENGLISH);
        presenter.generate(10);
        assertEquals(List.of("el", "cielo", "es", "azul", "es"), presenter.textProperty().get());
    }
}
