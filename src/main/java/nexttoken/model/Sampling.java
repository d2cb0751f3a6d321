package nexttoken.model;

import java.util.Random;

/**
 * Picking the next token from a filtered distribution. {@link Random} is used because
 * its sequence for a seed is fixed by the Java specification: a class that replays
 * seed 42 next year sees the same words.
 */
public final class Sampling {
    private Sampling() {
    }

    /** Inverse-CDF draw over the kept tokens in vocabulary order; the part-1 lookup has nothing to draw. */
    public static int sample(Trace trace, Random random) {
        if (trace.lookup() != null) {
            return trace.lookup().index();
        }
        if (trace.filter() == null) {
            throw new IllegalStateException("cannot sample from a trace that stopped at " + trace.problem().kind());
        }
        return inverseCdf(trace.filter(), random.nextDouble());
    }

    /**
     * The token a uniform draw u in [0, 1) lands on, walking the kept tokens in vocabulary
     * order. The presenter keeps u fixed while a slider moves, so the sample follows the
     * distribution instead of jumping to a fresh draw.
     */
    public static int inverseCdf(FilterStep filter, double u) {
        Values p = filter.probabilities();
        if (filter.keepsAll()) {
            return p.firstRunningSumAbove(u);
        }
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.size(); i++) {
            if (!filter.kept().contains(i)) {
                continue;
            }
            cumulative += p.get(i);
            last = i;
            if (u < cumulative) {
                return i;
            }
        }
        // Rounding can leave the cumulative sum a hair under 1; u landed in that gap.
        return last;
    }

    /** N seeded draws from one trace, counted per vocabulary token. */
    public static int[] draw(Trace trace, long seed, int n) {
        Random random = new Random(seed);
        int[] counts = new int[trace.lesson().vocabulary().size()];
        if (trace.lookup() != null) {
            counts[trace.lookup().index()] += n;
            return counts;
        }
        Cdf cdf = cdf(trace);
        for (int i = 0; i < n; i++) {
            counts[cdf.inverse(random.nextDouble())]++;
        }
        return counts;
    }

    /** The cumulative distribution of a trace's kept tokens, for many draws from one distribution. */
    public static Cdf cdf(Trace trace) {
        if (trace.filter() == null) {
            throw new IllegalStateException("cannot sample from a trace that stopped at " + trace.problem().kind());
        }
        return new Cdf(trace.filter());
    }

    /**
     * The running sums {@link #inverseCdf} walks, added once in the same order, so that a
     * binary search lands on exactly the token the walk would: the first kept token whose
     * running sum exceeds u, or the last kept one when rounding left the total under u.
     */
    public static final class Cdf {
        private final int[] tokens;
        private final double[] cumulative;

        private Cdf(FilterStep filter) {
            Values p = filter.probabilities();
            boolean all = filter.keepsAll();
            int count = all ? p.size() : filter.kept().size();
            tokens = new int[count];
            cumulative = new double[count];
            double sum = 0;
            int k = 0;
            for (int i = 0; i < p.size(); i++) {
                if (all || filter.kept().contains(i)) {
                    sum += p.get(i);
                    tokens[k] = i;
                    cumulative[k++] = sum;
                }
            }
        }

        public int inverse(double u) {
            int low = 0;
            int high = cumulative.length - 1;
            if (high < 0) {
                return -1;
            }
            if (!(u < cumulative[high])) {
                return tokens[high];
            }
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (u < cumulative[mid]) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return tokens[low];
        }
    }
}
