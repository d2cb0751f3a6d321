package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Normalization;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import org.junit.jupiter.api.Test;

/** The presenter as a plain object: no toolkit, no window. */
class PresenterTest {

    static Presenter on(String id) {
        return new Presenter(BuiltInLessons.load(id), id, Locale.ENGLISH);
    }

    @Test
    void walksTheFullPathInOrder() {
        Presenter p = on("part2");
        assertEquals(StepPaths.FULL_PATH, p.path());
        for (Step expected : StepPaths.FULL_PATH) {
            assertEquals(expected, p.getStep());
            p.next();
        }
        assertEquals(Step.TOKENS, p.getStep(), "next from the last step starts the next token");
        assertEquals(4, p.getText().size());
        assertEquals(p.getText().subList(1, 4), p.getTrace().context().context(), "the window slid by one");
    }

    @Test
    void part1HasTheShorterLookupPath() {
        Presenter p = on("part1");
        assertEquals(List.of(Step.TOKENS, Step.INPUT, Step.F1, Step.LOOKUP, Step.APPEND), p.path());
        p.goTo(Step.LOOKUP);
        assertEquals("frío", p.getLesson().vocabulary().token(p.getSampledIndex()));
        p.next();
        p.next();
        assertEquals(List.of("el", "cielo", "es", "frío"), p.getText());
    }

    @Test
    void backUndoesAllTheWayToTheStart() {
        Presenter p = on("part2");
        for (int i = 0; i < 20; i++) {
            p.next();
        }
        assertTrue(p.getText().size() > 3);
        for (int i = 0; i < 20; i++) {
            p.back();
        }
        assertEquals(Step.TOKENS, p.getStep());
        assertEquals(List.of("el", "cielo", "es"), p.getText());
        assertEquals(0, p.appendedCount());
    }

    @Test
    void backThenNextReplaysTheSameSample() {
        Presenter p = on("part3");
        p.goTo(Step.SAMPLE);
        int first = p.getSampledIndex();
        assertTrue(first >= 0);
        p.back();
        assertEquals(-1, p.getSampledIndex(), "not chosen before the sample step");
        p.next();
        assertEquals(first, p.getSampledIndex());
    }

    @Test
    void theSameSeedReplaysTheSameSentence() {
        Presenter a = on("part3");
        Presenter b = on("part3");
        for (int i = 0; i < 40; i++) {
            a.next();
            b.next();
        }
        assertEquals(a.getText(), b.getText());
    }

    @Test
    void homeAndEndAndDigits() {
        Presenter p = on("part2");
        p.end();
        assertEquals(Step.APPEND, p.getStep());
        p.next();
        p.goToNumber(3);
        assertEquals(Step.F1, p.getStep());
        p.home();
        assertEquals(Step.TOKENS, p.getStep());
        assertEquals(List.of("el", "cielo", "es"), p.getText());
        p.goToNumber(42);
        assertEquals(Step.TOKENS, p.getStep());
    }

    @Test
    void revealedOnlyUpToTheCurrentStepUnlessShowAll() {
        Presenter p = on("part2");
        p.goTo(Step.F1);
        assertTrue(p.isRevealed(Step.INPUT));
        assertTrue(p.isRevealed(Step.F1));
        assertFalse(p.isRevealed(Step.F2));
        p.setRevealAll(true);
        assertTrue(p.isRevealed(Step.APPEND));
    }

    @Test
    void aWeightChangeRecomputesEverythingDownstream() {
        Presenter p = on("part2");
        p.setF1Weight(1, 2.0);
        assertEquals(578 + 700 + 1047.0, p.getTrace().f1().value());
        assertEquals(2325 * 2.5, p.getTrace().f2().logits().get(0));
        p.setF2Weight(0, 0.1);
        assertEquals(2325 * 0.1, p.getTrace().f2().logits().get(0), 1e-9);
    }

    @Test
    void aDragIsOneUndoStepAndResetRestoresTheLesson() {
        Presenter p = on("part3");
        for (double w = 1.0; w <= 2.0; w += 0.1) {
            p.setF1Weight(0, w); // many events of one slider drag
        }
        p.commitEdit();
        p.setTemperature(2.0);
        assertTrue(p.canUndoProperty().get());
        p.undo();
        assertEquals(1.0, p.getLesson().temperature());
        assertNotEquals(1.0, p.getLesson().f1().get(0));
        p.undo();
        assertEquals(1.0, p.getLesson().f1().get(0));
        assertFalse(p.canUndoProperty().get());

        p.setF2Weight(2, 9);
        p.resetToLesson();
        assertEquals(p.originalLessonProperty().get(), p.getLesson());
        p.undo();
        assertEquals(9.0, p.getLesson().f2().get(2), "a reset can be undone");
    }

    @Test
    void movingAnEmbeddingChangesF1() {
        Presenter p = on("part3");
        double before = p.getTrace().f1().value();
        int el = p.getLesson().vocabulary().indexOf("el").getAsInt();
        p.moveEmbedding(el, 1.3, -0.6); // x₁ from 0.3 to 1.3, weight 1
        assertEquals(before + 1.0, p.getTrace().f1().value(), 1e-12);
    }

    @Test
    void normUndefinedIsAProblemInTheTraceNotAnException() {
        Presenter p = on("part2");
        p.setF2Weight(1, -1);
        assertEquals(ProblemKind.NORM_NEGATIVE_LOGIT, p.getTrace().problem().kind());
        p.goTo(Step.SAMPLE);
        assertEquals(-1, p.getSampledIndex());
        p.next();
        p.next();
        assertEquals(3, p.getText().size(), "nothing to append");
        p.setNormalization(Normalization.SOFTMAX);
        assertTrue(p.getTrace().isComplete());
    }

    @Test
    void invalidSettingsAreRefused() {
        Presenter p = on("part4");
        p.setTemperature(-1);
        p.setTemperature(Double.NaN);
        p.setTopP(0);
        p.setTopP(1.5);
        p.setTopK(-3);
        p.setF1Weight(0, Double.POSITIVE_INFINITY);
        assertEquals(BuiltInLessons.load("part4"), p.getLesson());
        assertFalse(p.canUndoProperty().get());
    }

    @Test
    void aFailedLoadKeepsTheCurrentLesson() {
        Presenter p = on("part3");
        p.next();
        p.reportLoadProblem(Problem.of(ProblemKind.F2_LENGTH, "f2", 3, 5).inSource("mine.json"));
        assertEquals(BuiltInLessons.load("part3"), p.getLesson());
        assertEquals(Step.INPUT, p.getStep());
        assertEquals(ProblemKind.F2_LENGTH, p.loadProblemProperty().get().kind());
        p.load(BuiltInLessons.load("part1"), "part1");
        assertEquals(null, p.loadProblemProperty().get());
        assertEquals(Step.TOKENS, p.getStep());
    }

    @Test
    void changingTheSeedRestartsTheDraws() {
        Presenter p = on("part3");
        p.setSeed(7);
        for (int i = 0; i < 24; i++) {
            p.next();
        }
        List<String> withSeven = p.getText();
        Presenter q = on("part3");
        q.setSeed(7);
        for (int i = 0; i < 24; i++) {
            q.next();
        }
        assertEquals(withSeven, q.getText());
    }
}
