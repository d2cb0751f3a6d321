package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number of shared/reference/lesson-numbers.md, to the last digit. */
class CompositionTest {

    @Test
    void part1LooksUpFrioAndWithW2TwoAzul() {
        Trace t = Composition.compute(LessonFixtures.part(1));
        assertTrue(t.isComplete());
        assertEquals(402.0, t.f1().value());
        assertEquals("frío", t.lesson().vocabulary().token(t.lookup().index()));
        assertTrue(t.lookup().exact());
        assertNull(t.f2());

        Lesson changed = t.lesson().withF1(Values.of(1.0, -2.0, 0.5));
        Trace t2 = Composition.compute(changed);
        assertEquals(227.0, t2.f1().value());
        assertEquals("azul", changed.vocabulary().token(t2.lookup().index()));
        assertTrue(t2.lookup().exact());
    }

    @Test
    void lookupBetweenIdsPicksNearestAndSaysNotExact() {
        Lesson l = LessonFixtures.part(1).withF1(Values.of(1.0, -1.5, 0.4)); // 578 − 525 + 279.2 = 332.2
        Trace t = Composition.compute(l);
        assertEquals(332.2, t.f1().value(), 1e-9);
        assertEquals("cielo", l.vocabulary().token(t.lookup().index()));
        assertFalse(t.lookup().exact());
    }

    @Test
    void lookupTieGoesToFirstInVocabularyOrder() {
        // 288.5 is 61.5 from azul (227) and 61.5 from cielo (350).
        Lesson l = LessonFixtures.part(1).withF1(Values.of(0.0, 0.0, 288.5 / 698));
        Trace t = Composition.compute(l);
        assertEquals(288.5, t.f1().value(), 1e-9);
        double value = t.f1().value();
        int expected = Math.abs(value - 227) <= Math.abs(value - 350) ? 0 : 1;
        assertEquals(expected, t.lookup().index());
    }

    @Test
    void part2MatchesThePostAtFullPrecision() {
        Trace t = Composition.compute(LessonFixtures.part(2));
        assertEquals(List.of("el", "cielo", "es"), t.context().context());
        assertArrayEquals(new double[] {578, 350, 698}, t.input().x().toArray());
        assertArrayEquals(new double[] {578.0, 175.0, 1047.0}, t.f1().terms().toArray());
        assertEquals(1800.0, t.f1().value());
        assertArrayEquals(new double[] {4500, 1260, 3600, 360, 900}, t.f2().logits().toArray());
        assertEquals(10620.0, t.normalization().sum());
        assertArrayEquals(new double[] {0.423728813559322, 0.11864406779661017, 0.3389830508474576,
                0.03389830508474576, 0.0847457627118644}, t.normalization().probabilities().toArray());
        assertTrue(t.normalization().temperatureIgnored());
        assertEquals(0, t.greedyIndex());
    }

    @Test
    void underNormTemperatureCancels() {
        Lesson l = LessonFixtures.part(2);
        Values at1 = Composition.compute(l).normalization().probabilities();
        for (double temperature : new double[] {0, 0.1, 2.5, 1000}) {
            Trace t = Composition.compute(l.withTemperature(temperature));
            assertEquals(at1, t.normalization().probabilities(), "T = " + temperature);
            assertTrue(t.normalization().temperatureIgnored());
        }
    }

    @Test
    void part3EmbeddingsAndSoftmaxMatchThePost() {
        Trace t = Composition.compute(LessonFixtures.part(3));
        assertArrayEquals(new double[] {0.3, -0.6, 0.8, -0.1, 0.1, -0.1}, t.input().x().toArray());
        double[] terms = t.f1().terms().toArray();
        double[] expected = {0.3, -0.3, 1.2, -0.1, 0.05, -0.15};
        for (int i = 0; i < terms.length; i++) {
            assertEquals(expected[i], terms[i], 1e-15);
        }
        assertEquals(1.0, t.f1().value(), 1e-15);
        double[] logits = t.f2().logits().toArray();
        double[] f2 = {2.5, 0.7, 2.0, 0.2, 0.5};
        for (int i = 0; i < logits.length; i++) {
            assertEquals(f2[i], logits[i], 1e-15);
        }
        assertArrayEquals(new double[] {0.49815094466940824, 0.08234379732038626, 0.30214382110680776,
                0.04994403771197726, 0.06741739919142055}, t.normalization().probabilities().toArray());
    }

    @Test
    void englishTwinsGiveTheSameNumbers() {
        for (int part = 1; part <= 5; part++) {
            Trace es = Composition.compute(LessonFixtures.part(part));
            Trace en = Composition.compute(nexttoken.lesson.BuiltInLessons.load("part" + part + "-en"));
            assertEquals(es.f1().value(), en.f1().value());
            assertEquals(es.greedyIndex(), en.greedyIndex());
            if (es.normalization() != null) {
                assertEquals(es.normalization().probabilities(), en.normalization().probabilities());
            }
        }
        Lesson en = nexttoken.lesson.BuiltInLessons.load("part2-en");
        assertEquals(List.of("blue", "sky", "cold", "the", "is"), en.vocabulary().tokens());
        assertEquals(List.of("the", "sky", "is"), en.prompt());
    }

    @Test
    void sevenTokensThreeDimensionsTwoTokenContext() {
        Lesson l = LessonFixtures.sevenTokens();
        assertEquals(2, l.contextLength());
        Trace t = Composition.compute(l);
        assertTrue(t.isComplete());
        assertEquals(List.of("b", "c"), t.context().context());
        // x = b ++ c = (−0.5, 0.4, 0.0, 1.0, −1.0, 0.5)
        assertArrayEquals(new double[] {-0.5, 0.4, 0.0, 1.0, -1.0, 0.5}, t.input().x().toArray());
        double f1 = -0.5 * 1 + 0.4 * 2 + 0.0 * 3 + 1.0 * -1 + -1.0 * 0.5 + 0.5 * 2;
        assertEquals(f1, t.f1().value());
        double[] w2 = {1, -1, 2, 0.5, 0, 3, -2};
        double max = Double.NEGATIVE_INFINITY;
        for (double w : w2) {
            max = Math.max(max, f1 * w);
        }
        double sum = 0;
        for (double w : w2) {
            sum += Math.exp(f1 * w - max);
        }
        for (int i = 0; i < w2.length; i++) {
            assertEquals(f1 * w2[i], t.f2().logits().get(i));
            assertEquals(Math.exp(f1 * w2[i] - max) / sum, t.normalization().probabilities().get(i), 1e-15);
        }
        assertEquals(1.0, t.normalization().probabilities().sum(), 1e-12);
    }

    @Test
    void longerPromptSlidesTheWindow() {
        Lesson l = LessonFixtures.part(2);
        Trace t = Composition.compute(l, List.of("el", "cielo", "es", "azul"));
        assertEquals(List.of("cielo", "es", "azul"), t.context().context());
        assertEquals(1, t.context().windowStart());
        assertEquals(350 * 1.0 + 698 * 0.5 + 227 * 1.5, t.f1().value());
    }

    @Test
    void wordNotInVocabularyIsATypedProblem() {
        Trace t = Composition.compute(LessonFixtures.part(2), List.of("el", "cielo", "rojo"));
        assertFalse(t.isComplete());
        assertEquals(ProblemKind.WORD_NOT_IN_VOCABULARY, t.problem().kind());
        assertEquals("prompt[2]", t.problem().field());
        assertEquals(List.of("rojo"), t.problem().args());
        assertNull(t.f1());
    }

    @Test
    void promptShorterThanContextIsATypedProblem() {
        Trace t = Composition.compute(LessonFixtures.part(2), List.of("cielo", "es"));
        assertEquals(ProblemKind.PROMPT_TOO_SHORT, t.problem().kind());
        assertEquals(List.of("2", "3"), t.problem().args());
    }

    @Test
    void normWithANegativeLogitKeepsTheLogitsAndExplains() {
        Lesson l = LessonFixtures.part(2).withF2(Values.of(2.5, -0.7, 2.0, 0.2, 0.5));
        Trace t = Composition.compute(l);
        assertEquals(ProblemKind.NORM_NEGATIVE_LOGIT, t.problem().kind());
        assertEquals(List.of("cielo", "-1260.0"), t.problem().args());
        assertNotNull(t.f2(), "the logits were computed and can still be drawn");
        assertNull(t.normalization());
        assertEquals(-1, t.greedyIndex());
        assertTrue(t.problem().message(java.util.Locale.ENGLISH).contains("norm is undefined"));
    }

    @Test
    void normWithAllZeroLogitsIsUndefined() {
        Lesson l = LessonFixtures.part(2).withF2(Values.of(0, 0, 0, 0, 0));
        assertEquals(ProblemKind.NORM_SUM_NOT_POSITIVE, Composition.compute(l).problem().kind());
    }

    @Test
    void overflowingLogitsAreAProblemNotInfinity() {
        Lesson l = LessonFixtures.part(2).withF2(Values.of(1e306, 1, 1, 1, 1));
        Trace t = Composition.compute(l);
        assertEquals(ProblemKind.LOGIT_NOT_FINITE, t.problem().kind());
        assertEquals("f2[0]", t.problem().field());

        Lesson huge = LessonFixtures.part(2).withF1(Values.of(1e308, 1e308, 1e308));
        assertEquals(ProblemKind.F1_NOT_FINITE, Composition.compute(huge).problem().kind());
    }

    @Test
    void normSumThatOverflowsIsAProblem() {
        Lesson l = LessonFixtures.part(2).withF1(Values.of(0, 0, 1)).withF2(Values.of(1e305, 1e305, 1e305, 1e305, 1e305));
        // logits 698e305 each: finite, but their sum is not.
        assertEquals(ProblemKind.NORM_SUM_NOT_FINITE, Composition.compute(l).problem().kind());
    }

    /** Reusing unchanged steps gives, edit after edit, exactly the trace a fresh computation gives. */
    @Test
    void reusingPreviousStepsChangesNoNumber() {
        java.util.Random random = new java.util.Random(6);
        for (Lesson start : List.of(LessonFixtures.part(2), LessonFixtures.part(3), LessonFixtures.sevenTokens())) {
            Lesson lesson = start;
            Trace previous = Composition.compute(lesson);
            for (int edit = 0; edit < 400; edit++) {
                lesson = switch (random.nextInt(6)) {
                    case 0 -> lesson.withTemperature(random.nextInt(4) == 0 ? 0 : random.nextDouble() * 3);
                    case 1 -> lesson.withTopK(random.nextInt(lesson.vocabulary().size() + 1));
                    case 2 -> lesson.withTopP(0.05 + random.nextDouble() * 0.95);
                    case 3 -> lesson.withNormalization(random.nextBoolean() ? Normalization.NORM : Normalization.SOFTMAX);
                    case 4 -> lesson.withF1(lesson.f1().with(random.nextInt(lesson.f1().size()), random.nextDouble() * 4 - 2));
                    default -> lesson; // the same lesson again: every step reused
                };
                Trace reused = Composition.compute(lesson, lesson.prompt(), previous);
                Trace fresh = Composition.compute(lesson);
                assertEquals(fresh, reused, "edit " + edit + " of " + start.title());
                assertEquals(fresh.greedyIndex(), reused.greedyIndex());
                previous = reused;
            }
        }
    }

    @Test
    void aTemperatureMoveKeepsTheLogitsAndATopKMoveKeepsTheProbabilities() {
        Lesson l = LessonFixtures.part(3);
        Trace t = Composition.compute(l);
        Trace warmer = Composition.compute(l.withTemperature(2), l.prompt(), t);
        org.junit.jupiter.api.Assertions.assertSame(t.f2(), warmer.f2());
        org.junit.jupiter.api.Assertions.assertNotSame(t.normalization(), warmer.normalization());
        Trace topK = Composition.compute(warmer.lesson().withTopK(2), l.prompt(), warmer);
        org.junit.jupiter.api.Assertions.assertSame(warmer.normalization(), topK.normalization());
        assertEquals(2, topK.filter().kept().size());
    }
}
