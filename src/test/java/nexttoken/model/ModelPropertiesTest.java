package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * The maths over weights and embeddings anywhere in ±1e308 and temperatures in [0, 1e6]:
 * every trace is finite or a typed problem, never NaN.
 */
class ModelPropertiesTest {
    /** Fixed, so that CI is reproducible; the properties were also run with random seeds while written. */
    static final String SEED = "20261121";

    /** Doubles spread over every magnitude, not only near zero: ±1e308, tiny, whole, ordinary. */
    static Arbitrary<Double> anyMagnitude() {
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-10, 10);
        Arbitrary<Double> huge = Arbitraries.doubles().between(-1e308, 1e308);
        Arbitrary<Double> logScale = Combinators.combine(Arbitraries.integers().between(-300, 307),
                Arbitraries.doubles().between(-9.99, 9.99)).as((e, m) -> m * Math.pow(10, e));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, ordinary), net.jqwik.api.Tuple.of(3, logScale), net.jqwik.api.Tuple.of(2, huge),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -0.0, 1e308, -1e308, Double.MIN_VALUE)));
    }

    static Arbitrary<Double> temperature() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(0, 5)),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0, 1e6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1e-300, Double.MIN_VALUE, 1e6)));
    }

    @Provide
    Arbitrary<Lesson> lessons() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(1, 12);
        return sizes.flatMap(v -> Arbitraries.integers().between(1, 3).flatMap(d -> Arbitraries.integers().between(1, 3)
                .flatMap(n -> Combinators.combine(
                        anyMagnitude().list().ofSize(v * d),
                        anyMagnitude().list().ofSize(n * d),
                        anyMagnitude().list().ofSize(v),
                        Arbitraries.of(Normalization.values()),
                        temperature(),
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.doubles().between(1e-9, 1.0).ofScale(10),
                        Arbitraries.integers().between(0, v - 1).list().ofSize(n))
                        .as((emb, f1, f2, norm, t, k, p, prompt) -> lesson(v, d, emb, f1, f2, norm, t, k, p, prompt)))));
    }

    static Lesson lesson(int v, int d, List<Double> emb, List<Double> f1, List<Double> f2, Normalization norm, double t,
                         int k, double p, List<Integer> prompt) {
        List<String> tokens = IntStream.range(0, v).mapToObj(i -> "t" + i).toList();
        int[] ids = IntStream.range(0, v).map(i -> i * 7 + 1).toArray();
        double[][] e = new double[v][d];
        for (int i = 0; i < v; i++) {
            for (int c = 0; c < d; c++) {
                e[i][c] = emb.get(i * d + c);
            }
        }
        return new Lesson("property", "en", null, Vocabulary.of(tokens, ids, e), prompt.stream().map(tokens::get).toList(),
                InputKind.EMBEDDINGS, Values.of(f1.stream().mapToDouble(Double::doubleValue).toArray()),
                Values.of(f2.stream().mapToDouble(Double::doubleValue).toArray()), norm, t, k, p, 1L, List.of());
    }

    private static void assertFinite(Values values, String what) {
        for (int i = 0; i < values.size(); i++) {
            assertTrue(Double.isFinite(values.get(i)), what + "[" + i + "] = " + values.get(i));
        }
    }

    @Property(tries = 3000, seed = SEED)
    void everyTraceIsFiniteOrATypedProblem(@ForAll("lessons") Lesson lesson) {
        Trace t = Composition.compute(lesson);
        if (!t.isComplete()) {
            assertNotNull(t.problem().kind());
            String message = t.problem().message(java.util.Locale.ENGLISH);
            assertTrue(!message.contains("NaN") && !message.contains("Infinity"), message);
            return;
        }
        assertFinite(t.input().x(), "x");
        assertTrue(Double.isFinite(t.f1().value()));
        assertFinite(t.f2().logits(), "logits");
        Values p = t.normalization().probabilities();
        assertFinite(p, "p");
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.get(i) >= 0, "p ≥ 0");
        }
        assertEquals(1.0, p.sum(), 1e-12);
        assertEquals(1.0, t.filter().probabilities().sum(), 1e-12);
        assertFinite(t.filter().probabilities(), "filtered p");
    }

    @Property(tries = 2000, seed = SEED)
    void topKKeepsExactlyMinKAndV(@ForAll("lessons") Lesson lesson, @ForAll @IntRange(min = 1, max = 20) int k) {
        Trace t = Composition.compute(lesson.withTopK(k).withTopP(1.0));
        if (t.isComplete()) {
            assertEquals(Math.min(k, lesson.vocabulary().size()), t.filter().kept().size());
            // The kept tokens are the k most probable: none dropped is more probable than one kept.
            Values p = t.normalization().probabilities();
            double weakestKept = t.filter().kept().indices().mapToDouble(p::get).min().orElse(0);
            for (int i = 0; i < p.size(); i++) {
                if (!t.filter().kept().contains(i)) {
                    assertTrue(p.get(i) <= weakestKept);
                }
            }
        }
    }

    @Property(tries = 2000, seed = SEED)
    void topPKeepsTheMinimalPrefix(@ForAll("lessons") Lesson lesson, @ForAll @DoubleRange(min = 1e-6, max = 1) @Scale(7) double topP) {
        Trace t = Composition.compute(lesson.withTopK(0).withTopP(topP));
        if (!t.isComplete() || topP >= 1) {
            return; // p = 1 is "off": every token stays, whatever the sums say
        }
        Values p = t.normalization().probabilities();
        List<Integer> order = new ArrayList<>(IntStream.range(0, p.size()).boxed().toList());
        Values logits = t.f2().logits();
        order.sort(descending(p).thenComparing(descending(logits)).thenComparingInt(i -> i));
        int kept = t.filter().kept().size();
        assertTrue(kept >= 1);
        for (int r = 0; r < kept; r++) {
            assertTrue(t.filter().kept().contains(order.get(r)), "kept is a prefix of the ranking");
        }
        // The same arithmetic as the filter: shares of the whole distribution's sum.
        double total = p.sum();
        double withoutLast = 0;
        for (int r = 0; r < kept - 1; r++) {
            withoutLast += p.get(order.get(r)) / total;
        }
        double reached = withoutLast + p.get(order.get(kept - 1)) / total;
        assertTrue(withoutLast < topP - Decoding.TOP_P_SLACK, "minimal: one fewer would not reach p");
        assertTrue(kept == p.size() || reached >= topP - Decoding.TOP_P_SLACK - 1e-12, "reaches p");
    }

    @Property(tries = 2000, seed = SEED)
    void greedyIsArgmaxIsTopKOneIsTheLimitOfSmallT(@ForAll("lessons") Lesson lesson) {
        Lesson softmax = lesson.withNormalization(Normalization.SOFTMAX).withTopK(0).withTopP(1.0);
        Trace t = Composition.compute(softmax);
        if (!t.isComplete()) {
            return;
        }
        int argmax = t.f2().logits().argmax();
        assertEquals(argmax, Composition.compute(softmax.withTemperature(0)).greedyIndex());
        assertEquals(argmax, Composition.compute(softmax.withTopK(1)).greedyIndex());
        // The limit T → 0: a temperature far below the gap between the two largest logits.
        double max = logits(t).get(argmax);
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits(t).size(); i++) {
            if (logits(t).get(i) < max) {
                second = Math.max(second, logits(t).get(i));
            }
        }
        double cold = (max - second) / 1000;
        if (Double.isFinite(cold) && cold > 0) {
            assertEquals(argmax, Composition.compute(softmax.withTemperature(cold)).greedyIndex());
        }
    }

    private static Comparator<Integer> descending(Values values) {
        return (a, b) -> values.get(a) > values.get(b) ? -1 : values.get(a) < values.get(b) ? 1 : 0;
    }

    private static Values logits(Trace t) {
        return t.f2().logits();
    }

    @Property(tries = 1000, seed = SEED)
    void largeTemperatureTendsToUniform(@ForAll("lessons") Lesson lesson) {
        Lesson softmax = lesson.withNormalization(Normalization.SOFTMAX).withTopK(0).withTopP(1.0);
        Trace t = Composition.compute(softmax);
        if (!t.isComplete()) {
            return;
        }
        Values logits = t.f2().logits();
        double spread = logits.stream().max().orElse(0) - logits.stream().min().orElse(0);
        if (!Double.isFinite(spread) || spread > 1e3) {
            return; // 1e6 is not large against a spread like that
        }
        Trace hot = Composition.compute(softmax.withTemperature(1e6));
        int v = lesson.vocabulary().size();
        for (int i = 0; i < v; i++) {
            assertEquals(1.0 / v, hot.normalization().probabilities().get(i), 2e-3);
        }
    }

    @Property(tries = 2000, seed = SEED)
    void normRefusesWhatItCannotDo(@ForAll("lessons") Lesson lesson) {
        Trace t = Composition.compute(lesson.withNormalization(Normalization.NORM));
        if (t.f2() == null) {
            return;
        }
        boolean negative = t.f2().logits().stream().anyMatch(l -> l < 0);
        double sum = t.f2().logits().sum();
        if (negative || !(sum > 0) || !Double.isFinite(sum)) {
            assertTrue(!t.isComplete());
            assertTrue(List.of(ProblemKind.NORM_NEGATIVE_LOGIT, ProblemKind.NORM_SUM_NOT_POSITIVE,
                    ProblemKind.NORM_SUM_NOT_FINITE, ProblemKind.LOGIT_NOT_FINITE).contains(t.problem().kind()));
        } else {
            assertTrue(t.isComplete(), () -> String.valueOf(t.problem()));
        }
    }

    @Property(tries = 300, seed = SEED)
    void samplingOnlyDrawsKeptTokens(@ForAll("lessons") Lesson lesson, @ForAll long seed) {
        Trace t = Composition.compute(lesson);
        if (!t.isComplete()) {
            return;
        }
        int[] counts = Sampling.draw(t, seed, 200);
        for (int i = 0; i < counts.length; i++) {
            if (!t.filter().kept().contains(i)) {
                assertEquals(0, counts[i]);
            }
        }
    }

    @Property(tries = 300, seed = SEED)
    void lossIsFiniteForFiniteLogits(@ForAll("lessons") Lesson lesson) {
        Trace t = Composition.compute(lesson.withNormalization(Normalization.SOFTMAX).withTemperature(1.0));
        if (!t.isComplete()) {
            return;
        }
        for (int i = 0; i < lesson.vocabulary().size(); i++) {
            double loss = Loss.ofTrace(t, i);
            assertTrue(loss >= 0 && !Double.isNaN(loss), "loss " + loss);
        }
    }
}
