package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Top-k and top-p rank tokens by logit ({@link LogitOrder}) instead of by probability. These
 * tests hold them to the ranking as the filters define it, by probability, then logit, then
 * vocabulary order, sorted here over every token, on vocabularies full of ties: equal weights,
 * 0.0 beside −0.0, and weights whose products with f1 round to one logit.
 */
class LogitOrderTest {

    /** Weights with many exact ties, signed zeros, and neighbours one ulp apart. */
    private static double[] weightsWithTies(int n, Random random, boolean nonNegative) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.round(random.nextGaussian() * 300) / 100.0;
            switch (random.nextInt(6)) {
                case 0 -> x = w[random.nextInt(i + 1)];
                case 1 -> x = Math.nextUp(w[random.nextInt(i + 1)]);
                case 2 -> x = random.nextBoolean() ? 0.0 : -0.0;
                default -> { }
            }
            w[i] = nonNegative ? Math.abs(x) : x;
        }
        return w;
    }

    /** Every index by falling value, ties by index, through boxed comparisons: no shared code with the model. */
    private static Integer[] byFallingLogit(Values logits) {
        Integer[] order = new Integer[logits.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            double x = logits.get(a);
            double y = logits.get(b);
            return x > y ? -1 : x < y ? 1 : Integer.compare(a, b);
        });
        return order;
    }

    @Test
    void walksTheLogitsInFallingOrderWithTiesInVocabularyOrder() {
        Random random = new Random(11);
        double[] w = weightsWithTies(40_000, random, false);
        Values weights = Values.of(w);
        // 1e-320 and 4.9e-324 make subnormal products: thousands of different weights round to one logit.
        for (double f1 : new double[] {1800.0, 3.0, -0.663, -7.0, 0.0, -0.0, 1e-320, -4.9e-324}) {
            Values logits = Values.scaled(f1, weights);
            Integer[] expected = byFallingLogit(logits);
            LogitOrder walk = new LogitOrder(logits);
            int[] walked = new int[logits.size()];
            for (int r = 0; r < walked.length; r++) {
                walked[r] = walk.next();
            }
            assertFalse(walk.hasNext());
            assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), walked, "f1 " + f1);
            for (int n : new int[] {1, 5, 16, 63, 64, 65, 300}) {
                assertArrayEquals(Arrays.copyOf(walked, n), LogitOrder.first(logits, n), "f1 " + f1 + ", first " + n);
            }
        }
        Values stored = Values.of(w);
        assertArrayEquals(Arrays.stream(byFallingLogit(stored)).mapToInt(Integer::intValue).toArray(),
                stored.fallingOrder(), "logits that are not f1 × w");
    }

    /** The filters as defined: ranked by probability, then logit, then index, over every token. */
    private static void assertFiltersAsDefined(Values p, Values logits, int top, String where) {
        int n = p.size();
        Integer[] ranking = new Integer[n];
        Arrays.setAll(ranking, i -> i);
        Values stored = p.stored();
        Arrays.sort(ranking, (a, b) -> {
            double pa = stored.get(a);
            double pb = stored.get(b);
            if (pa != pb) {
                return pa > pb ? -1 : 1;
            }
            double la = logits.get(a);
            double lb = logits.get(b);
            if (la != lb) {
                return la > lb ? -1 : 1;
            }
            return Integer.compare(a, b);
        });
        for (int k : new int[] {0, 1, 3, 40, 63, 64, 65, 500, n - 1, n}) {
            for (double topP : new double[] {1.0, 0.9, 0.5, 1e-9, 0.999999}) {
                boolean kFilters = k > 0 && k < n;
                int kKept = kFilters ? k : n;
                double kMass = 0;
                if (kFilters) {
                    for (int r = 0; r < k; r++) {
                        kMass += stored.get(ranking[r]);
                    }
                } else {
                    kMass = stored.sum();
                }
                int pKept = kKept;
                if (topP < 1.0) {
                    double cumulative = 0;
                    pKept = 0;
                    while (pKept < kKept) {
                        cumulative += stored.get(ranking[pKept]) / kMass;
                        pKept++;
                        if (cumulative >= topP - Decoding.TOP_P_SLACK) {
                            break;
                        }
                    }
                }
                BitSet kept = new BitSet(n);
                double mass = 0;
                for (int r = 0; r < pKept; r++) {
                    kept.set(ranking[r]);
                    mass += stored.get(ranking[r]);
                }
                double[] renormalized = new double[n];
                for (int i = 0; i < n; i++) {
                    renormalized[i] = kept.get(i) ? stored.get(i) / mass : 0.0;
                }
                String at = where + ", top-k " + k + ", top-p " + topP;
                FilterStep f = Decoding.filter(p, logits, top, k, topP);
                assertEquals(kFilters ? k : n, f.keptByTopK().size(), at);
                for (int r = 0; r < kKept; r++) {
                    assertTrue(f.keptByTopK().contains(ranking[r]), at);
                }
                BitSet actual = toBitSet(f.kept());
                // Not assertEquals: a failure would print tens of thousands of indices.
                assertTrue(kept.equals(actual), () -> at + ": kept " + actual.cardinality() + " tokens, expected "
                        + kept.cardinality() + "; first difference at " + difference(kept, actual));
                assertEquals(ranking[0], f.greedy(), at);
                if (Decoding.filters(n, k, topP)) {
                    assertArrayEquals(renormalized, f.probabilities().toArray(), at);
                }
            }
        }
    }

    private static int difference(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.xor(b);
        return x.nextSetBit(0);
    }

    private static BitSet toBitSet(TokenSet set) {
        BitSet b = new BitSet();
        set.indices().forEach(b::set);
        return b;
    }

    @Test
    void topKAndTopPKeepWhatRankingByProbabilityKeeps() {
        Random random = new Random(5);
        int n = 70_001; // three chunks
        Values weights = Values.of(weightsWithTies(n, random, false));
        Values nonNegative = Values.of(weightsWithTies(n, random, true));
        List<Runnable> cases = new ArrayList<>();
        for (double f1 : new double[] {1800.0, 1.0, -0.663, 0.0, 1e-320}) {
            for (double t : new double[] {0, 0.05, 1.0, 50.0}) {
                cases.add(() -> {
                    Values logits = Values.scaled(f1, weights);
                    int top = logits.argmax();
                    Values p = Decoding.normalize(logits, top, Normalization.SOFTMAX, t, null).step().probabilities();
                    assertFiltersAsDefined(p, logits, top, "softmax, f1 " + f1 + ", T " + t);
                });
            }
            if (f1 > 0) {
                cases.add(() -> {
                    Values logits = Values.scaled(f1, nonNegative);
                    int top = logits.argmax();
                    Values p = Decoding.normalize(logits, top, Normalization.NORM, 1.0, null).step().probabilities();
                    assertFiltersAsDefined(p, logits, top, "norm, f1 " + f1);
                });
            }
        }
        // Logits that are not f1 × w, as an attention lesson's.
        Values attention = Values.of(weightsWithTies(n, random, false));
        for (double t : new double[] {0.05, 1.0}) {
            cases.add(() -> {
                int top = attention.argmax();
                Values p = Decoding.normalize(attention, top, Normalization.SOFTMAX, t, null).step().probabilities();
                assertFiltersAsDefined(p, attention, top, "stored logits, T " + t);
            });
        }
        cases.forEach(Runnable::run);
    }
}
