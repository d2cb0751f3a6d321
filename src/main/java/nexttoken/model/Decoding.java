package nexttoken.model;

import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Logits to probabilities (norm or softmax with temperature), then top-k and top-p. */
public final class Decoding {

    /**
     * Cumulative sums compared with p carry rounding error (0.1 + 0.2 is not 0.3);
     * without this slack top-p 0.3 over (0.1, 0.2) would keep a third token.
     */
    static final double TOP_P_SLACK = 1e-12;

    private Decoding() {
    }

    /** Either probabilities or the reason they are undefined. */
    public record Result(NormalizationStep step, Problem problem) {
    }

    public static Result normalize(Values logits, Normalization method, double temperature, Vocabulary vocabulary) {
        return method == Normalization.NORM
                ? norm(logits, temperature, vocabulary)
                : softmax(logits, temperature);
    }

    static Result norm(Values logits, double temperature, Vocabulary vocabulary) {
        int n = logits.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double l = logits.get(i);
            if (l < 0) {
                return new Result(null, Problem.of(ProblemKind.NORM_NEGATIVE_LOGIT, "f2",
                        vocabulary.token(i), NumberText.plain(l)));
            }
            sum += l;
        }
        if (!Double.isFinite(sum)) {
            return new Result(null, Problem.of(ProblemKind.NORM_SUM_NOT_FINITE, "f2"));
        }
        if (sum <= 0) {
            return new Result(null, Problem.of(ProblemKind.NORM_SUM_NOT_POSITIVE, "f2", NumberText.plain(sum)));
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = logits.get(i) / sum + 0.0; // + 0.0 turns a −0.0 logit's −0.0 into 0.0
        }
        return new Result(new NormalizationStep(Normalization.NORM, temperature, Values.wrap(p), sum, true, false), null);
    }

    /**
     * Stable softmax: subtracting the largest logit before dividing by T keeps every
     * exponent at or below 0, so 4500 and 3600 give 1 and 0 instead of Infinity/Infinity.
     */
    static Result softmax(Values logits, double temperature) {
        int n = logits.size();
        int top = logits.argmax();
        double max = logits.get(top);
        double[] p = new double[n];
        if (temperature == 0) {
            p[top] = 1.0;
            return new Result(new NormalizationStep(Normalization.SOFTMAX, 0, Values.wrap(p), 1.0, false, true), null);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp((logits.get(i) - max) / temperature);
            p[i] = e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return new Result(new NormalizationStep(Normalization.SOFTMAX, temperature, Values.wrap(p), sum, false, false), null);
    }

    /**
     * Larger values first, comparing as numbers: Double.compare would rank 0.0 above −0.0,
     * which are the same logit.
     */
    private static Comparator<Integer> descending(Values values) {
        return (a, b) -> {
            double x = values.get(a);
            double y = values.get(b);
            return x > y ? -1 : x < y ? 1 : 0;
        };
    }

    /**
     * Top-k keeps exactly k tokens; top-p then keeps the smallest prefix reaching p. Tokens
     * are ranked by probability, then by logit — softmax can round two different logits to
     * the same probability (e^−1e−300 is 1.0), and the larger logit is the more probable in
     * exact arithmetic — then by vocabulary order.
     */
    public static FilterStep filter(Values probabilities, Values logits, int topK, double topP) {
        int n = probabilities.size();
        boolean kFilters = topK > 0 && topK < n;
        boolean pFilters = topP < 1.0;
        if (!kFilters && !pFilters) {
            TokenSet all = TokenSet.all(n);
            return new FilterStep(topK, topP, all, all, probabilities);
        }
        int[] order = IntStream.range(0, n).boxed()
                .sorted(descending(probabilities).thenComparing(descending(logits)).thenComparingInt(Integer::intValue))
                .mapToInt(Integer::intValue)
                .toArray();
        int kKept = kFilters ? topK : n;
        BitSet byK = new BitSet(n);
        double kMass = 0;
        for (int r = 0; r < kKept; r++) {
            byK.set(order[r]);
            kMass += probabilities.get(order[r]);
        }
        int pKept = kKept;
        if (pFilters) {
            double cumulative = 0;
            pKept = 0;
            while (pKept < kKept) {
                cumulative += probabilities.get(order[pKept]) / kMass;
                pKept++;
                if (cumulative >= topP - TOP_P_SLACK) {
                    break;
                }
            }
        }
        BitSet kept = new BitSet(n);
        double mass = 0;
        for (int r = 0; r < pKept; r++) {
            kept.set(order[r]);
            mass += probabilities.get(order[r]);
        }
        double[] renormalized = new double[n];
        for (int r = 0; r < pKept; r++) {
            int i = order[r];
            renormalized[i] = probabilities.get(i) / mass;
        }
        return new FilterStep(topK, topP, TokenSet.owning(byK, n), TokenSet.owning(kept, n), Values.wrap(renormalized));
    }
}
