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
        for (int i = 0; i < n; i++) {
            counts[sample(trace, random)]++;
        }
        return counts;
    }
}
