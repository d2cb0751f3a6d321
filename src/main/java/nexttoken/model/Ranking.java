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
        int[] shown = top(values, n);
        int[] extra = Arrays.stream(alsoShow)
                .filter(i -> i >= 0 && i < values.size() && Arrays.binarySearch(shown, i) < 0).distinct().toArray();
        if (extra.length == 0) {
            return shown;
        }
        int[] out = Arrays.copyOf(shown, shown.length + extra.length);
        System.arraycopy(extra, 0, out, shown.length, extra.length);
        Arrays.sort(out);
        return out;
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

    /** The sum of the values not among {@code shown}: the long tail a chart sums up in one line. */
    public static double restSum(Values values, int[] shown) {
        double total = values.sum();
        for (int i : shown) {
            total -= values.get(i);
        }
        return Math.max(0, total);
    }
}
