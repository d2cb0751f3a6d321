package nexttoken.model;

import java.util.Arrays;

/**
 * The tokens in order of falling logit, ties in vocabulary order, handed out one at a time:
 * the ranking top-k and top-p keep a prefix of.
 *
 * <p>It is also the order of falling probability at every temperature, under norm and under
 * softmax. Each probability is its logit put through operations that never reverse an order
 * (a subtraction, a division by a positive number, {@code Math.exp}, which the Java
 * specification requires to be semi-monotonic), so a larger logit never gets a smaller
 * probability; where rounding gives two logits one probability, the larger logit is still the
 * more probable in exact arithmetic. Ranking by logit therefore ranks by probability without
 * reading a probability, and a temperature move does not change it.
 *
 * <p>f2's logits are f1 × w, so their order is w's, which is found once per weight vector
 * ({@link Values#fallingOrder()}) and read from the start when f1 &gt; 0 and from the end when
 * f1 &lt; 0. Rounding can make neighbouring products equal although their weights differ; such
 * a run is put in vocabulary order as it is handed out. Other logits (an attention lesson's)
 * are ranked once per vector.
 */
final class LogitOrder {
    private final Values logits;
    /** The ranking of the weights or of the logits themselves; null for vocabulary order. */
    private final int[] order;
    private final boolean fromEnd;
    /** Whether equal neighbours need putting in vocabulary order (products of different weights). */
    private final boolean scaled;
    private final int size;
    private int walked;
    private int[] run = new int[0];
    private int runAt;

    LogitOrder(Values logits) {
        this.logits = logits;
        this.size = logits.size();
        Values weights = logits.scaledBase();
        double factor = logits.scaleFactor();
        if (weights != null && factor != 0) {
            order = weights.fallingOrder();
            fromEnd = factor < 0;
            scaled = true;
        } else if (weights != null) {
            // 0 × every weight: all logits are ±0, one tie, and ties go to vocabulary order.
            order = null;
            fromEnd = false;
            scaled = false;
        } else {
            order = logits.fallingOrder();
            fromEnd = false;
            scaled = false;
        }
    }

    private int at(int rank) {
        if (order == null) {
            return rank;
        }
        return order[fromEnd ? size - 1 - rank : rank];
    }

    boolean hasNext() {
        return runAt < run.length || walked < size;
    }

    /** The next token of the ranking. */
    int next() {
        if (runAt < run.length) {
            return run[runAt++];
        }
        int i = at(walked++);
        if (!scaled) {
            return i;
        }
        double logit = logits.get(i);
        int end = walked;
        while (end < size && logits.get(at(end)) == logit) {
            end++;
        }
        if (end == walked) {
            return i;
        }
        run = new int[end - walked + 1];
        run[0] = i;
        for (int k = 1; k < run.length; k++) {
            run[k] = at(walked++);
        }
        Arrays.sort(run);
        runAt = 1;
        return run[0];
    }

    /**
     * The first n tokens of the ranking, in ranking order: the chart bars' n most probable
     * ({@link Ranking#largest}, off the weights' extremes when they settle it, else one pass
     * keeping n), so a top-k move at 100,000 tokens ranks no more than k of them.
     */
    static int[] first(Values logits, int n) {
        return Ranking.inFallingOrder(Ranking.largest(logits, n), logits);
    }
}
