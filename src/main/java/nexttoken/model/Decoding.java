package nexttoken.model;

import java.util.BitSet;

/** Logits to probabilities (norm or softmax with temperature), then top-k and top-p. */
public final class Decoding {

    /**
     * Cumulative sums compared with p carry rounding error (0.1 + 0.2 is not 0.3);
     * without this slack top-p 0.3 over (0.1, 0.2) would keep a third token.
     */
    static final double TOP_P_SLACK = 1e-12;

    /** From two chunks of tokens on, softmax's exponents are shared between the cores. */
    static final int PARALLEL_FROM = 2 * Values.CHUNK;

    private Decoding() {
    }

    /** Either probabilities or the reason they are undefined. */
    public record Result(NormalizationStep step, Problem problem) {
    }

    /** @param top the index of the largest logit (f2's step knows it) */
    static Result normalize(Values logits, int top, Normalization method, double temperature, Vocabulary vocabulary) {
        return method == Normalization.NORM
                ? norm(logits, temperature, vocabulary)
                : softmax(logits, top, temperature);
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
        double total = sum;
        // + 0.0 turns a −0.0 logit's −0.0 into 0.0. Computed on read: see Values.
        Values p = Values.computed(n, i -> logits.get(i) / total + 0.0);
        return new Result(new NormalizationStep(Normalization.NORM, temperature, p, sum, true, false), null);
    }

    /**
     * Stable softmax: subtracting the largest logit before dividing by T keeps every
     * exponent at or below 0, so 4500 and 3600 give 1 and 0 instead of Infinity/Infinity.
     */
    static Result softmax(Values logits, double temperature) {
        return softmax(logits, logits.argmax(), temperature);
    }

    private static Result softmax(Values logits, int top, double temperature) {
        int n = logits.size();
        double max = logits.get(top);
        if (temperature == 0) {
            Values oneHot = Values.computed(n, i -> i == top ? 1.0 : 0.0);
            return new Result(new NormalizationStep(Normalization.SOFTMAX, 0, oneHot, 1.0, false, true), null);
        }
        // The exponents are summed here and then dropped: the probabilities are computed on read
        // (see Values.softmax), so a slider move makes no vector as long as the vocabulary (it
        // made 800 KB at 100,000 tokens, 70 % of what a move allocated). Each exponent depends on
        // its own logit only, so a long vocabulary's chunks are worked out on both cores; the sum
        // stays one pass in vocabulary order, so every digit is the one a single loop gives.
        double[][] e = exponents(n);
        java.util.stream.IntStream chunks = java.util.stream.IntStream.range(0, e.length);
        (n >= PARALLEL_FROM ? chunks.parallel() : chunks).forEach(c -> {
            double[] out = e[c];
            logits.read(c * Values.CHUNK, out, out.length);
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.exp((out[k] - max) / temperature);
            }
        });
        double sum = 0;
        for (double[] chunk : e) {
            for (double x : chunk) {
                sum += x;
            }
        }
        double[] runningSums = new double[(n + Values.BLOCK - 1) / Values.BLOCK];
        double cumulative = 0;
        int i = 0;
        for (double[] chunk : e) {
            for (double x : chunk) {
                cumulative += x / sum;
                i++;
                if ((i & (Values.BLOCK - 1)) == 0 || i == n) {
                    runningSums[(i - 1) / Values.BLOCK] = cumulative;
                }
            }
        }
        Values p = Values.softmax(logits, max, temperature, sum, runningSums);
        return new Result(new NormalizationStep(Normalization.SOFTMAX, temperature, p, sum, false, false), null);
    }

    /**
     * This thread's room for the exponents of one softmax, kept for the next: they never leave
     * {@link #softmax}, and a fresh array per slider move is what the collector was paying for.
     */
    private static final ThreadLocal<double[][]> EXPONENTS = new ThreadLocal<>();

    private static double[][] exponents(int n) {
        double[][] e = EXPONENTS.get();
        int count = (n + Values.CHUNK - 1) / Values.CHUNK;
        if (e == null || e.length != count || (count > 0 && e[count - 1].length != n - (count - 1) * Values.CHUNK)) {
            e = new double[count][];
            for (int c = 0; c < count; c++) {
                e[c] = new double[Math.min(Values.CHUNK, n - c * Values.CHUNK)];
            }
            EXPONENTS.set(e);
        }
        return e;
    }

    /** Whether top-k or top-p drops any of n tokens. */
    static boolean filters(int n, int topK, double topP) {
        return (topK > 0 && topK < n) || topP < 1.0;
    }

    /**
     * Top-k keeps exactly k tokens; top-p then keeps the smallest prefix reaching p. Tokens
     * are ranked by probability, then by logit — softmax can round two different logits to
     * the same probability (e^−1e−300 is 1.0), and the larger logit is the more probable in
     * exact arithmetic — then by vocabulary order. That is the order of falling logit, ties in
     * vocabulary order ({@link LogitOrder}), which a temperature move leaves as it is: the
     * filters read the probabilities of the tokens they keep, once each, and never rank them.
     *
     * @param top the index of the largest logit (f2's step knows it), the greedy token when nothing is dropped
     */
    static FilterStep filter(Values probabilities, Values logits, int top, int topK, double topP) {
        int n = probabilities.size();
        boolean kFilters = topK > 0 && topK < n;
        boolean pFilters = topP < 1.0;
        if (!filters(n, topK, topP)) {
            TokenSet all = TokenSet.all(n);
            // Probabilities rise with the logit, so the first largest logit is the most probable
            // token, ties included (equal probabilities go to the larger logit, then the first).
            return new FilterStep(topK, topP, all, all, probabilities, top);
        }
        // The ranking's prefix read so far, and each of its tokens' probability.
        int[] ranked;
        double[] rankedP;
        BitSet byK = new BitSet(n);
        double kMass;
        if (kFilters) {
            ranked = LogitOrder.first(logits, topK);
            rankedP = new double[topK];
            kMass = 0;
            for (int r = 0; r < topK; r++) {
                rankedP[r] = probabilities.get(ranked[r]);
                byK.set(ranked[r]);
                kMass += rankedP[r];
            }
        } else {
            ranked = new int[Math.min(n, 1024)];
            rankedP = new double[ranked.length];
            byK.set(0, n);
            kMass = probabilities.sum();
        }
        int kKept = kFilters ? topK : n;
        int pKept = kKept;
        if (pFilters) {
            // Without top-k the ranking is walked only as far as p: at a low temperature a few tokens.
            LogitOrder walk = kFilters ? null : new LogitOrder(logits);
            double cumulative = 0;
            pKept = 0;
            while (pKept < kKept) {
                if (walk != null) {
                    if (pKept == ranked.length) {
                        ranked = java.util.Arrays.copyOf(ranked, Math.min(n, 2 * ranked.length));
                        rankedP = java.util.Arrays.copyOf(rankedP, ranked.length);
                    }
                    ranked[pKept] = walk.next();
                    rankedP[pKept] = probabilities.get(ranked[pKept]);
                }
                cumulative += rankedP[pKept] / kMass;
                pKept++;
                if (cumulative >= topP - TOP_P_SLACK) {
                    break;
                }
            }
        }
        BitSet kept = new BitSet(n);
        double mass = 0;
        for (int r = 0; r < pKept; r++) {
            kept.set(ranked[r]);
            mass += rankedP[r];
        }
        double keptMass = mass;
        TokenSet keptSet = TokenSet.owning(kept, n);
        Values renormalized = Values.computed(n, i -> keptSet.contains(i) ? probabilities.get(i) / keptMass : 0.0);
        // The ranking's first token is the most probable kept one, ties broken as above.
        return new FilterStep(topK, topP, TokenSet.owning(byK, n), keptSet, renormalized, ranked[0]);
    }
}
