package nexttoken.presenter;

import java.util.Arrays;
import nexttoken.model.Values;

/** N seeded draws counted per token, beside the probabilities they were drawn from. */
public record SampleCounts(int n, long seed, int[] counts, Values expected) {
    public SampleCounts {
        counts = counts.clone();
    }

    public int count(int token) {
        return counts[token];
    }

    public double observedShare(int token) {
        return n == 0 ? 0 : (double) counts[token] / n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleCounts c && c.n == n && c.seed == seed && Arrays.equals(c.counts, counts)
                && c.expected.equals(expected);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + n;
    }

    @Override
    public String toString() {
        return "SampleCounts[n=" + n + ", seed=" + seed + ", counts=" + Arrays.toString(counts) + "]";
    }
}
