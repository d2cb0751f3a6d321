package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void topMatchesAFullSortWithTiesInVocabularyOrder() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(300);
            int n = 1 + random.nextInt(20);
            // Few distinct values, so ties are common.
            Values v = Values.generate(size, i -> random.nextInt(12) - 6);
            int[] expected = IntStream.range(0, size).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(v::get).reversed().thenComparingInt(i -> i))
                    .limit(n).mapToInt(Integer::intValue).sorted().toArray();
            assertArrayEquals(expected, Ranking.top(v, n), "size " + size + ", n " + n);
        }
    }

    @Test
    void tailIsWhatTheShownLeaveOut() {
        Values v = Values.of(0.5, 0.2, 0.2, 0.1);
        assertEquals(0.3, Ranking.tail(v, Ranking.top(v, 2)), 1e-15);
        assertEquals(0, Ranking.tail(v, new int[] {0, 1, 2, 3}), 1e-15);
        assertArrayEquals(new int[] {0, 1, 2, 3}, Ranking.top(v, 10));
    }

    @Test
    void tokensAChartMustShowAreAddedInVocabularyOrder() {
        Values v = Values.of(0.5, 0.01, 0.3, 0.02, 0.17);
        assertArrayEquals(new int[] {0, 1, 2, 3}, Ranking.top(v, 2, 3, 1, -1, 2));
        assertArrayEquals(Ranking.top(v, 2), Ranking.top(v, 2, -1));
    }

    @Test
    void mostProbableRanksByLogitWhereSoftmaxRoundsProbabilitiesToATie() {
        // exp(-1e-17) is 1.0 in doubles: both tokens get probability 0.5, yet the second is the more probable.
        Values logits = Values.of(0.0, 1e-17, -50);
        Trace t = Composition.compute(LessonFixtures.part(3));
        NormalizationStep n = Decoding.softmax(logits, 1).step();
        assertEquals(n.probabilities().get(0), n.probabilities().get(1));
        LogitsStep f2 = new LogitsStep(1, logits, logits, logits.argmax());
        assertArrayEquals(new int[] {1}, Ranking.mostProbable(f2, 1));
        assertArrayEquals(new int[] {0}, Ranking.top(n.probabilities(), 1), "by probability alone the tie goes to the first");
        assertEquals(t.greedyIndex(), Ranking.mostProbable(t.f2(), 1)[0], "the greedy token is the top of the ranking");
    }

    /** Reading the top off the weights' extremes gives exactly the full ranking, ties and signs included. */
    @Test
    void theTopOfAScaledVectorComesFromItsExtremesExactly() {
        Random random = new Random(11);
        double[] factors = {1, -1, 0, -0.0, 2.5, -1e-3, 1e300, -1e-300, 3};
        for (int round = 0; round < 300; round++) {
            int size = 20 + random.nextInt(400);
            // Few distinct weights in some rounds: long runs of ties, signed zeros among them.
            boolean coarse = round % 2 == 0;
            Values w = Values.generate(size, i -> coarse ? (random.nextInt(7) - 3) * (random.nextBoolean() ? 0.5 : -0.0)
                    : random.nextGaussian());
            for (double f : factors) {
                Values logits = Values.scaled(f, w);
                Values stored = logits.stored();
                for (int n : new int[] {1, 5, 16}) {
                    int[] fast = Ranking.topOfScaled(logits, n);
                    if (fast != null) {
                        assertArrayEquals(Ranking.top(stored, n), fast, "size " + size + ", f " + f + ", n " + n);
                    }
                }
                assertArrayEquals(Ranking.top(stored, 16), Ranking.mostProbable(new LogitsStep(f, w, logits, 0), 16));
                assertEquals(stored.allFinite(), Ranking.scaledAllFinite(logits));
            }
        }
    }
}
