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
        return normalize(logits, top, method, temperature, vocabulary, false);
    }

    /**
     * @param filtered whether top-k or top-p will read the probabilities: a filter reads them
     *                 many times (a heap of 100,000 compares them a few hundred thousand times),
     *                 so softmax then stores them instead of computing each on read
     */
    static Result normalize(Values logits, int top, Normalization method, double temperature, Vocabulary vocabulary,
            boolean filtered) {
        return method == Normalization.NORM
                ? norm(logits, temperature, vocabulary)
                : softmax(logits, top, temperature, filtered);
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
        return softmax(logits, logits.argmax(), temperature, false);
    }

    private static Result softmax(Values logits, int top, double temperature, boolean stored) {
        int n = logits.size();
        double max = logits.get(top);
        if (temperature == 0) {
            Values oneHot = Values.computed(n, i -> i == top ? 1.0 : 0.0);
            return new Result(new NormalizationStep(Normalization.SOFTMAX, 0, oneHot, 1.0, false, true), null);
        }
        // Unless a filter will read them often, the exponents are summed here and then dropped:
        // the probabilities are computed on read (see Values.softmax), so a slider move makes no
        // vector as long as the vocabulary (it made 800 KB at 100,000 tokens, 70 % of what a move
        // allocated). Each exponent depends on
        // its own logit only, so a long vocabulary's chunks are worked out on both cores; the sum
        // stays one pass in vocabulary order, so every digit is the one a single loop gives.
        // Stored, the exponents are divided where they are; else they go to this thread's room.
        Values.Builder storage = stored ? new Values.Builder(n) : null;
        double[][] e = stored ? storage.chunks() : exponents(n);
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
        if (stored) {
            storage.divideAll(sum, n >= PARALLEL_FROM);
            return new Result(new NormalizationStep(Normalization.SOFTMAX, temperature, storage.build(), sum, false, false), null);
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

    /**
     * A binary heap of vocabulary indices popped in ranking order: probability, then logit
     * (softmax can round two different logits to one probability), then vocabulary order.
     * Values compare as numbers, so 0.0 and −0.0 are the same logit.
     */
    private static final class RankedHeap {
        private final int[] heap;
        private final Values p;
        private final Values logits;
        private int size;

        RankedHeap(Values p, Values logits) {
            int n = p.size();
            this.heap = new int[n];
            this.p = p;
            this.logits = logits;
            this.size = n;
            for (int i = 0; i < n; i++) {
                heap[i] = i;
            }
            for (int i = n / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        private boolean before(int a, int b) {
            double pa = p.get(a);
            double pb = p.get(b);
            if (pa != pb) {
                return pa > pb;
            }
            double la = logits.get(a);
            double lb = logits.get(b);
            if (la != lb) {
                return la > lb;
            }
            return a < b;
        }

        int pop() {
            int top = heap[0];
            heap[0] = heap[--size];
            siftDown(0);
            return top;
        }

        private void siftDown(int i) {
            while (true) {
                int best = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < size && before(heap[left], heap[best])) {
                    best = left;
                }
                if (right < size && before(heap[right], heap[best])) {
                    best = right;
                }
                if (best == i) {
                    return;
                }
                int t = heap[i];
                heap[i] = heap[best];
                heap[best] = t;
                i = best;
            }
        }
    }

    /** Whether top-k or top-p drops any of n tokens. */
    static boolean filters(int n, int topK, double topP) {
        return (topK > 0 && topK < n) || topP < 1.0;
    }

    /**
     * Top-k keeps exactly k tokens; top-p then keeps the smallest prefix reaching p. Tokens
     * are ranked by probability, then by logit — softmax can round two different logits to
     * the same probability (e^−1e−300 is 1.0), and the larger logit is the more probable in
     * exact arithmetic — then by vocabulary order.
     */
    /** @param top the index of the largest logit (f2's step knows it), the greedy token when nothing is dropped */
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
        // A filter reads the probabilities many times: stored. Composition asks softmax for them
        // stored when the lesson filters; a move of top-k or top-p alone reuses the previous
        // normalization, and when that one is computed on read this copies it at every such move.
        Values p = probabilities.stored();
        // Only the kept prefix of the ranking is ever needed: a heap yields it in O(V + m log V)
        // instead of sorting 100,000 boxed indices on every slider move.
        RankedHeap heap = new RankedHeap(p, logits);
        BitSet byK = new BitSet(n);
        int[] order;
        double kMass;
        if (kFilters) {
            order = new int[topK];
            kMass = 0;
            for (int r = 0; r < topK; r++) {
                order[r] = heap.pop();
                byK.set(order[r]);
                kMass += p.get(order[r]);
            }
        } else {
            byK.set(0, n);
            order = null;
            kMass = p.sum();
        }
        int kKept = kFilters ? topK : n;
        int pKept = kKept;
        java.util.List<Integer> popped = new java.util.ArrayList<>();
        if (pFilters) {
            double cumulative = 0;
            pKept = 0;
            while (pKept < kKept) {
                int next = order != null ? order[pKept] : heap.pop();
                popped.add(next);
                cumulative += p.get(next) / kMass;
                pKept++;
                if (cumulative >= topP - TOP_P_SLACK) {
                    break;
                }
            }
        }
        if (order == null) {
            order = popped.stream().mapToInt(Integer::intValue).toArray();
        }
        BitSet kept = new BitSet(n);
        double mass = 0;
        for (int r = 0; r < pKept; r++) {
            kept.set(order[r]);
            mass += p.get(order[r]);
        }
        double keptMass = mass;
        TokenSet keptSet = TokenSet.owning(kept, n);
        Values renormalized = Values.computed(n, i -> keptSet.contains(i) ? p.get(i) / keptMass : 0.0);
        // The ranking's first token is the most probable kept one, ties broken as above.
        return new FilterStep(topK, topP, TokenSet.owning(byK, n), keptSet, renormalized,
                order[0]);
    }
}
