package nexttoken.model;

import java.util.Arrays;
import java.util.PriorityQueue;

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
        // Min-heap of the best n so far: the root is the weakest, evicted when a better one comes.
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> {
            int c = Double.compare(values.get(a), values.get(b));
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < size; i++) {
            heap.add(i);
            if (heap.size() > n) {
                heap.poll();
            }
        }
        int[] out = heap.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
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
