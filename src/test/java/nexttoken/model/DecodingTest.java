package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecodingTest {

    private static Trace trace(Lesson l) {
        Trace t = Composition.compute(l);
        assertTrue(t.isComplete(), () -> String.valueOf(t.problem()));
        return t;
    }

    /** The exponents of a long vocabulary are worked out on both cores, the probabilities computed on read; every digit must stay the single loop's. */
    @Test
    void softmaxOfAHundredThousandLogitsIsTheSingleLoopToTheLastBit() {
        int n = 100_261; // four chunks, the last one partial
        java.util.Random random = new java.util.Random(7);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextGaussian() * 3;
        }
        for (double f1 : new double[] {-0.663, 1.0, 1800.0}) {
            for (double t : new double[] {0.2, 1.0, 3.7}) {
                Values logits = Values.scaled(f1, Values.of(w));
                int top = logits.argmax();
                double max = f1 * w[top];
                double[] expected = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    expected[i] = Math.exp((f1 * w[i] - max) / t);
                    sum += expected[i];
                }
                for (int i = 0; i < n; i++) {
                    expected[i] /= sum;
                }
                NormalizationStep step = Decoding.normalize(logits, top, Normalization.SOFTMAX, t, null).step();
                assertEquals(sum, step.sum(), "f1 " + f1 + ", T " + t);
                assertArrayEquals(expected, step.probabilities().toArray(), "f1 " + f1 + ", T " + t);
                double total = 0;
                for (double x : expected) {
                    total += x;
                }
                assertEquals(total, step.probabilities().sum(), "the sum in index order");
                // The walk to the sampled token: the same running sums, from the block whose sum
                // passes u. Draws on and beside the sums kept at block ends and at the end.
                java.util.List<Double> draws = new java.util.ArrayList<>(java.util.List.of(0.0, 1e-9, 0.25, 0.5, 0.999999,
                        Math.nextDown(1.0), total, Math.nextDown(total), Math.nextUp(total)));
                double running = 0;
                for (int i = 0; i < n; i++) {
                    running += expected[i];
                    if ((i + 1) % Values.BLOCK == 0 && random.nextInt(8) == 0) {
                        draws.addAll(java.util.List.of(running, Math.nextDown(running), Math.nextUp(running)));
                    }
                }
                for (double u : draws) {
                    double cumulative = 0;
                    int walked = n - 1;
                    for (int i = 0; i < n; i++) {
                        cumulative += expected[i];
                        if (u < cumulative) {
                            walked = i;
                            break;
                        }
                    }
                    assertEquals(walked, step.probabilities().firstRunningSumAbove(u), "u " + u);
                }
            }
        }
    }

    @Test
    void softmaxIsStableForLogitsInTheThousands() {
        Trace t = trace(LessonFixtures.part(2).withNormalization(Normalization.SOFTMAX));
        Values p = t.normalization().probabilities();
        assertEquals(1.0, p.get(0));
        assertEquals(0.0, p.get(2)); // e^(3600 − 4500) underflows to exactly 0
        assertTrue(p.allFinite());
    }

    @Test
    void temperatureZeroIsGreedy() {
        Trace t = trace(LessonFixtures.part(3).withTemperature(0));
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, t.normalization().probabilities().toArray());
        assertTrue(t.normalization().greedy());
        assertEquals(0, t.greedyIndex());
    }

    @Test
    void temperatureZeroWithATieTakesTheFirst() {
        Trace t = trace(LessonFixtures.withLogits(1, 3, 3, 2).withTemperature(0));
        assertArrayEquals(new double[] {0, 1, 0, 0}, t.normalization().probabilities().toArray());
    }

    @Test
    void greedyEqualsTopKOne() {
        Lesson l = LessonFixtures.part(3).withTopK(1);
        Trace t = trace(l);
        assertEquals(1, t.filter().kept().size());
        assertEquals(1.0, t.filter().probabilities().get(t.greedyIndex()));
        assertEquals(trace(l.withTemperature(0).withTopK(0)).greedyIndex(), t.greedyIndex());
    }

    @Test
    void largeTemperatureTendsToUniform() {
        Trace t = trace(LessonFixtures.part(3).withTemperature(1000));
        for (int i = 0; i < 5; i++) {
            assertEquals(0.2, t.normalization().probabilities().get(i), 1e-3);
        }
    }

    @Test
    void softmaxTemperatureDividesTheLogits() {
        Trace t = trace(LessonFixtures.part(3).withTemperature(2));
        double[] w = {2.5, 0.7, 2.0, 0.2, 0.5};
        double sum = 0;
        for (double v : w) {
            sum += Math.exp((v - 2.5) / 2);
        }
        for (int i = 0; i < w.length; i++) {
            assertEquals(Math.exp((w[i] - 2.5) / 2) / sum, t.normalization().probabilities().get(i), 1e-15);
        }
    }

    @Test
    void topKKeepsExactlyKAndRenormalizes() {
        Trace t = trace(LessonFixtures.part(2).withTopK(2));
        assertEquals(2, t.filter().kept().size());
        assertTrue(t.filter().kept().contains(0));
        assertTrue(t.filter().kept().contains(2));
        assertEquals(4500.0 / 8100, t.filter().probabilities().get(0), 1e-15);
        assertEquals(3600.0 / 8100, t.filter().probabilities().get(2), 1e-15);
        assertEquals(0.0, t.filter().probabilities().get(1));
    }

    @Test
    void topKTiesBrokenByVocabularyOrder() {
        Trace t = trace(LessonFixtures.withLogits(1, 2, 2, 2, 0).withTopK(2));
        assertEquals(java.util.List.of(1, 2), t.filter().kept().indices().boxed().toList());
    }

    @Test
    void topKLargerThanTheVocabularyKeepsAll() {
        Trace t = trace(LessonFixtures.part(2).withTopK(50));
        assertTrue(t.filter().keepsAll());
        assertEquals(t.normalization().probabilities(), t.filter().probabilities());
    }

    @Test
    void topPOneKeepsAll() {
        Trace t = trace(LessonFixtures.part(3).withTopP(1.0));
        assertTrue(t.filter().keepsAll());
    }

    @Test
    void topPKeepsTheSmallestPrefixReachingP() {
        // part 2: 0.4237, 0.3390 (frío), 0.1186, 0.0847, 0.0339
        assertEquals(1, trace(LessonFixtures.part(2).withTopP(0.4)).filter().kept().size());
        assertEquals(2, trace(LessonFixtures.part(2).withTopP(0.5)).filter().kept().size());
        assertEquals(2, trace(LessonFixtures.part(2).withTopP(4500.0 / 10620 + 3600.0 / 10620)).filter().kept().size());
        assertEquals(3, trace(LessonFixtures.part(2).withTopP(0.8)).filter().kept().size());
        assertEquals(1, trace(LessonFixtures.part(2).withTopP(1e-9)).filter().kept().size(), "at least one token");
    }

    @Test
    void topPReachingExactlyPWithRoundingDoesNotKeepAnExtraToken() {
        // 0.7 + 0.2 is 0.8999999999999999 in doubles; p = 0.9 must keep two tokens, not three.
        Trace t = trace(LessonFixtures.withLogits(0.2, 0.1, 0.7).withNormalization(Normalization.NORM)
                .withTopP(0.9));
        assertEquals(2, t.filter().kept().size());
    }

    @Test
    void topKThenTopPOnWhatTopKKept() {
        // After top-2 of part 2: azul 0.5556, frío 0.4444. p = 0.5 keeps azul only.
        Trace t = trace(LessonFixtures.part(2).withTopK(2).withTopP(0.5));
        assertEquals(2, t.filter().keptByTopK().size());
        assertEquals(1, t.filter().kept().size());
        assertEquals(1.0, t.filter().probabilities().get(0));
        // Without top-k first, p = 0.5 would keep azul and frío (0.4237 < 0.5).
        assertEquals(2, trace(LessonFixtures.part(2).withTopP(0.5)).filter().kept().size());
    }

    @Test
    void filteredProbabilitiesSumToOne() {
        Trace t = trace(LessonFixtures.part(4));
        assertEquals(1.0, t.filter().probabilities().sum(), 1e-12);
        assertFalse(t.filter().keepsAll());
    }

    @Test
    void oneTokenVocabulary() {
        Trace t = trace(LessonFixtures.withLogits(3.0));
        assertEquals(1.0, t.normalization().probabilities().get(0));
        assertEquals(0, t.greedyIndex());
        Trace norm = trace(LessonFixtures.withLogits(3.0).withNormalization(Normalization.NORM).withTopP(0.1));
        assertEquals(1.0, norm.filter().probabilities().get(0));
    }
}
