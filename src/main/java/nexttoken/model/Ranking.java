package nexttoken.model;

import java.util.Arrays;

/** The few tokens worth a bar when a vocabulary is too large to draw them all. */
public final class Ranking {
    private Ranking() {
    }

    /**
     * Indices of the n largest values (ties: vocabulary order), returned in vocabulary
     * order so bars keep the order of every other chart. O(V log n), no full sort.
     */
    public static int[] top(Values values, int n) {
        int size = values.size();
        if (n >= size) {
            int[] all = new int[size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        // A min-heap of the best n so far, of primitive indices: the root is the weakest and
        // leaves when a better one comes. No boxing: this runs twice per slider move at 100,000 tokens.
        int[] heap = new int[n];
        int filled = 0;
        for (int i = 0; i < size; i++) {
            if (filled < n) {
                heap[filled] = i;
                siftUp(heap, filled++, values);
            } else if (n > 0 && better(i, heap[0], values)) {
                heap[0] = i;
                siftDown(heap, filled, values);
            }
        }
        int[] out = Arrays.copyOf(heap, filled);
        Arrays.sort(out);
        return out;
    }

    /**
     * The n largest as {@link #top(Values, int)}, plus the indices a chart must show whatever
     * their rank (the sampled token, the one a search found); negative indices are ignored.
     */
    public static int[] top(Values values, int n, int... alsoShow) {
        return including(top(values, n), values.size(), alsoShow);
    }

    /**
     * The n most probable tokens of a trace, found by their logits: probabilities rise with
     * the logit, and where softmax rounds two probabilities to the same double the larger
     * logit is still the more probable. One ranking serves the logits and the probabilities,
     * and a temperature change does not change it.
     */
    public static int[] mostProbable(LogitsStep f2, int n) {
        return largest(f2.logits(), n);
    }

    /** The n largest logits, vocabulary order: off the weights' extremes when they settle it, else one pass. */
    static int[] largest(Values logits, int n) {
        int[] fromExtremes = topOfScaled(logits, n);
        return fromExtremes != null ? fromExtremes : top(logits, n);
    }

    /**
     * The n largest of a vector f × w, vocabulary order, read off w's extremes: f × w rises with
     * w when f &gt; 0 and falls when f &lt; 0, so the n largest products are among w's largest or
     * smallest entries. Rounding can make neighbouring products equal; when such a tie reaches
     * past the candidates, or the vector is not scaled, null: the caller ranks them all.
     */
    static int[] topOfScaled(Values v, int n) {
        Values w = v.scaledBase();
        if (w == null || n <= 0) {
            return null;
        }
        double f = v.scaleFactor();
        if (n >= v.size()) {
            return null;
        }
        if (f == 0) {
            // Every product is ±0: all tie, and ties go to vocabulary order.
            int[] first = new int[n];
            Arrays.setAll(first, i -> i);
            return first;
        }
        Values.Extremes e = w.extremes();
        int[] candidates = f > 0 ? e.largest() : e.smallest();
        if (candidates.length <= n) {
            return null;
        }
        // Candidates come in order of falling product; the n-th product must beat the last candidate's.
        int[] byProduct = byFallingValue(candidates, v);
        double nth = v.get(byProduct[n - 1]);
        double lastCandidate = v.get(candidates[candidates.length - 1]);
        if (!(nth > lastCandidate)) {
            return null;
        }
        int[] out = Arrays.copyOf(byProduct, n);
        Arrays.sort(out);
        return out;
    }

    /**
     * The first n indices in order of falling value (or rising, when {@code smallest}), ties by
     * index: in rank order, not vocabulary order.
     */
    static int[] ranked(Values values, int n, boolean smallest) {
        Values key = smallest ? Values.computed(values.size(), i -> -values.get(i)) : values;
        return byFallingValue(top(key, n), key);
    }

    /** {@code indices} (of the most probable, say) in order of falling value, ties by index: for a table read top down. */
    public static int[] inFallingOrder(int[] indices, Values values) {
        return byFallingValue(indices, values);
    }

    /** {@code indices} in order of falling value, ties by index. */
    private static int[] byFallingValue(int[] indices, Values values) {
        Integer[] boxed = Arrays.stream(indices).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> compareFalling(values.get(a), values.get(b), a, b));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** {@code shown} (sorted) with the indices a chart must show whatever their rank; negative ones are ignored. */
    public static int[] including(int[] shown, int size, int... alsoShow) {
        int[] extra = Arrays.stream(alsoShow)
                .filter(i -> i >= 0 && i < size && Arrays.binarySearch(shown, i) < 0).distinct().toArray();
        if (extra.length == 0) {
            return shown;
        }
        int[] out = Arrays.copyOf(shown, shown.length + extra.length);
        System.arraycopy(extra, 0, out, shown.length, extra.length);
        Arrays.sort(out);
        return out;
    }

    /** The order of {@link #better}: larger first, then earlier; numbers compare as numbers (0.0 = −0.0). */
    private static int compareFalling(double x, double y, int a, int b) {
        if (x > y) {
            return -1;
        }
        if (x < y) {
            return 1;
        }
        return Integer.compare(a, b);
    }

    /**
     * Whether every element of a scaled vector f × w is finite, from w's two extremes: no
     * product is larger in size than the largest or the smallest weight's. Null when the
     * vector is not scaled.
     */
    static Boolean scaledAllFinite(Values v) {
        Values w = v.scaledBase();
        if (w == null) {
            return null;
        }
        if (v.size() == 0) {
            return true;
        }
        Values.Extremes e = w.extremes();
        return Double.isFinite(v.get(e.largest()[0])) && Double.isFinite(v.get(e.smallest()[0]));
    }

    /** a ranks above b: a larger value, or the same value earlier in the vocabulary. */
    private static boolean better(int a, int b, Values values) {
        double x = values.get(a);
        double y = values.get(b);
        return x > y || (x == y && a < b);
    }

    private static void siftUp(int[] heap, int i, Values values) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i], values)) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, Values values) {
        int i = 0;
        while (true) {
            int weakest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && better(heap[weakest], heap[left], values)) {
                weakest = left;
            }
            if (right < size && better(heap[weakest], heap[right], values)) {
                weakest = right;
            }
            if (weakest == i) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[weakest];
            heap[weakest] = t;
            i = weakest;
        }
    }

    /**
     * The probability of the tokens not among {@code shown}, the long tail a chart sums up in
     * one line: 1 minus what the shown tokens have. A distribution sums to 1 within rounding
     * (1e-11 at 200,000 tokens), far below the 0.1 % a percentage shows, and this reads 16
     * probabilities instead of all of them on every slider move.
     */
    public static double tail(Values probabilities, int[] shown) {
        double kept = 0;
        for (int i : shown) {
            kept += probabilities.get(i);
        }
        return Math.max(0, 1 - kept);
    }
}
