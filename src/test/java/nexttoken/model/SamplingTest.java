package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplingTest {

    /** Pearson's statistic of observed counts against n·p. */
    private static double chiSquare(int[] counts, Values p, int n) {
        double chi = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = n * p.get(i);
            if (expected > 0) {
                chi += (counts[i] - expected) * (counts[i] - expected) / expected;
            } else {
                assertEquals(0, counts[i], "a token with probability 0 was drawn");
            }
        }
        return chi;
    }

    @Test
    void seededFrequenciesFollowTheProbabilities() {
        Trace t = Composition.compute(LessonFixtures.part(2));
        int n = 100_000;
        int[] counts = Sampling.draw(t, 7, n);
        assertEquals(n, java.util.Arrays.stream(counts).sum());
        // 4 degrees of freedom: P(χ² > 18.47) = 0.001. The seed is fixed, so this cannot flake.
        assertTrue(chiSquare(counts, t.filter().probabilities(), n) < 18.47);
    }

    @Test
    void sampledFrequenciesRespectTopKAndTopP() {
        Trace t = Composition.compute(LessonFixtures.part(4));
        int n = 50_000;
        int[] counts = Sampling.draw(t, 11, n);
        // Part 4 keeps azul and frío only: one degree of freedom, P(χ² > 10.83) = 0.001.
        assertTrue(chiSquare(counts, t.filter().probabilities(), n) < 10.83);
        assertEquals(0, counts[1] + counts[3] + counts[4]);
    }

    @Test
    void theSameSeedReplaysTheSameDraws() {
        Trace t = Composition.compute(LessonFixtures.part(3));
        assertArrayEquals(Sampling.draw(t, 42, 500), Sampling.draw(t, 42, 500));
        assertTrue(!java.util.Arrays.equals(Sampling.draw(t, 42, 500), Sampling.draw(t, 43, 500)));
    }

    @Test
    void greedyTemperatureAlwaysDrawsTheTop() {
        Trace t = Composition.compute(LessonFixtures.part(3).withTemperature(0));
        assertArrayEquals(new int[] {200, 0, 0, 0, 0}, Sampling.draw(t, 1, 200));
    }

    @Test
    void generationAppendsAndSlidesTheWindow() {
        Lesson l = LessonFixtures.part(2);
        Generation.Result r = Generation.generate(l, l.prompt(), 4, 5L, false);
        assertEquals(4, r.tokens().size());
        for (int k = 0; k < 4; k++) {
            List<String> text = r.text().subList(0, 3 + k);
            assertEquals(text.subList(text.size() - 3, text.size()), r.tokens().get(k).trace().context().context());
        }
        assertEquals(r.text(), Generation.generate(l, l.prompt(), 4, 5L, false).text());
    }

    @Test
    void greedyGenerationIsDeterministic() {
        Lesson l = LessonFixtures.part(1);
        Generation.Result r = Generation.generate(l, l.prompt(), 2, new Random(1), true);
        // el cielo es → frío; cielo es frío → 350·1 − 698·1.5 + 402·0.5 = −496 → nearest id 227, azul.
        assertEquals(List.of("el", "cielo", "es", "frío", "azul"), r.text());
    }

    @Test
    void crossEntropyIsMinusLogP() {
        Trace t = Composition.compute(LessonFixtures.part(3));
        for (int i = 0; i < 5; i++) {
            assertEquals(-Math.log(t.normalization().probabilities().get(i)), Loss.ofTrace(t, i), 1e-12);
        }
        Trace norm = Composition.compute(LessonFixtures.part(2));
        assertEquals(-Math.log(4500.0 / 10620), Loss.ofTrace(norm, 0), 1e-15);
    }

    @Test
    void crossEntropyStaysFiniteWhenSoftmaxSaturates() {
        // softmax of 4500 vs 360 gives p(el) = e^−4140, which is 0 as a double; the loss is still 4140.
        Trace t = Composition.compute(LessonFixtures.part(2).withNormalization(Normalization.SOFTMAX));
        assertEquals(0.0, t.normalization().probabilities().get(3));
        assertEquals(4140.0, Loss.ofTrace(t, 3), 1e-9);
    }

    /** Many draws search one running sum; they must land exactly where the walk of a single draw lands. */
    @Test
    void theRunningSumSearchLandsWhereTheWalkLands() {
        Random random = new Random(5);
        List<Lesson> lessons = List.of(LessonFixtures.part(2), LessonFixtures.part(3), LessonFixtures.part(4),
                LessonFixtures.sevenTokens(), LessonFixtures.part(3).withTopK(2), LessonFixtures.part(3).withTopP(0.3),
                LessonFixtures.part(3).withTemperature(0));
        for (Lesson lesson : lessons) {
            Trace t = Composition.compute(lesson);
            Sampling.Cdf cdf = Sampling.cdf(t);
            for (double u : new double[] {0, Math.nextDown(1.0), 0.5, 1e-300}) {
                assertEquals(Sampling.inverseCdf(t.filter(), u), cdf.inverse(u), lesson.title() + " u=" + u);
            }
            for (int k = 0; k < 2000; k++) {
                double u = random.nextDouble();
                assertEquals(Sampling.inverseCdf(t.filter(), u), cdf.inverse(u), lesson.title() + " u=" + u);
            }
        }
    }
}
