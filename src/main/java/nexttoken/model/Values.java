package nexttoken.model;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.stream.DoubleStream;

/**
 * An immutable vector of doubles. The steps of a trace hand these to views and
 * exporters, which must not be able to change what the model computed; copying a
 * {@code double[]} on every read would cost too much at 100,000 tokens.
 *
 * <p>Long vectors are stored in chunks of 32,768 doubles (256 KB). A single array of
 * 100,000 doubles is a "humongous" object to the G1 collector in a 512 MB heap: it is
 * allocated outside the young generation and, made afresh on every slider move, it set off
 * a collection every other move. Chunks are ordinary short-lived objects.
 *
 * <p>A vector the model makes on every slider move can instead be a formula over vectors
 * that already exist, evaluated on each read with exactly the operations that would have
 * filled an array, so every digit is the same: f2's logits (f1 × each weight), norm's
 * quotients, the renormalized kept tokens, softmax's probabilities. Such a move allocates
 * nothing in proportion to the vocabulary. Softmax's formula is an exponential per read, so it
 * also keeps its running sums every {@link #BLOCK} elements, worked out from the exponents it
 * summed: the walk to the sampled token starts at the block where the sum passes the draw and
 * reads at most one block, and the total is the running sum at the end.
 */
public final class Values {
    static final int CHUNK_SHIFT = 15;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;
    /** How many of softmax's probabilities lie between two of its kept running sums. */
    static final int BLOCK = 1024;
    private static final Values EMPTY = new Values(new double[0][], 0);

    /** The stored elements, or null for a vector computed on read. */
    private final double[][] chunks;
    /** Element i is factor × base(i) when base is set (f2's logits: f1 times each weight). */
    private final Values base;
    private final double factor;
    private final IntToDoubleFunction formula;
    private final int size;

    private Values(double[][] chunks, Values base, double factor, IntToDoubleFunction formula, int size) {
        this.chunks = chunks;
        this.base = base;
        this.factor = factor;
        this.formula = formula;
        this.size = size;
    }

    private Values(double[][] chunks, int size) {
        this(chunks, null, 0, null, size);
    }

    /** How many of the largest and of the smallest elements {@link #extremes()} keeps. */
    static final int EXTREMES = 64;
    private volatile Extremes extremes;

    /**
     * The indices of the largest elements (largest first, ties by index) and of the smallest
     * (smallest first, ties by index), EXTREMES of each: found once per vector. f2's logits are
     * f1 × these weights, so the largest logits are among the largest or the smallest weights,
     * and a weight move need not rank 100,000 logits to find them.
     */
    record Extremes(int[] largest, int[] smallest) {
    }

    Extremes extremes() {
        Extremes e = extremes;
        if (e == null) {
            int[] largest = Ranking.ranked(this, EXTREMES, false);
            int[] smallest = Ranking.ranked(this, EXTREMES, true);
            e = new Extremes(largest, smallest);
            extremes = e;
        }
        return e;
    }

    private volatile int[] fallingOrder;

    /**
     * Every index in order of falling value, ties (numbers compare as numbers: 0.0 = −0.0) by
     * index: found once per vector and kept, because top-p walks this ranking at every
     * temperature move and f2's weights outlive thousands of moves. A stable merge sort of
     * primitive indices, so ties keep the index order they start in.
     */
    int[] fallingOrder() {
        int[] order = fallingOrder;
        if (order == null) {
            double[] v = new double[size];
            read(0, v, size);
            order = new int[size];
            Arrays.setAll(order, i -> i);
            int[] from = order;
            int[] to = new int[size];
            for (int width = 1; width < size; width *= 2) {
                for (int lo = 0; lo < size; lo += 2 * width) {
                    int mid = Math.min(lo + width, size);
                    int hi = Math.min(lo + 2 * width, size);
                    int a = lo;
                    int b = mid;
                    for (int k = lo; k < hi; k++) {
                        // The right run's element goes first only when strictly larger: stability.
                        to[k] = b < hi && (a >= mid || v[from[b]] > v[from[a]]) ? from[b++] : from[a++];
                    }
                }
                int[] t = from;
                from = to;
                to = t;
            }
            order = from;
            fallingOrder = order;
        }
        return order;
    }

    /** The vector a scaled vector multiplies ({@link #scaled}), or null when this is not one. */
    Values scaledBase() {
        return base;
    }

    double scaleFactor() {
        return factor;
    }

    /** factor × v(i) for every i, computed on read: the same product a stored copy would hold. */
    static Values scaled(double factor, Values v) {
        return new Values(null, v, factor, null, v.size);
    }

    /**
     * Element i is {@code formula(i)}, computed when read. The formula must be a pure function
     * of immutable inputs, so the vector is as immutable as a stored one.
     */
    static Values computed(int size, IntToDoubleFunction formula) {
        return new Values(null, null, 0, formula, size);
    }

    /**
     * Softmax's probabilities, exp((logit − max) / temperature) / sum, each computed when read
     * with the operations that made the exponents the caller summed, so every digit is
     * the stored quotient's. {@code runningSums[b]} is the sum, added in index order, of the
     * probabilities before index (b + 1) × BLOCK (or the end), each the quotient of an exponent
     * by {@code sum}; the caller works them out from the same exponents.
     */
    static Values softmax(Values logits, double max, double temperature, double sum, double[] runningSums) {
        return new Values(null, null, 0, new Softmax(logits, max, temperature, sum, runningSums), logits.size());
    }

    private static final class Softmax implements IntToDoubleFunction {
        private final Values logits;
        private final double max;
        private final double temperature;
        private final double sum;
        private final double[] runningSums;

        Softmax(Values logits, double max, double temperature, double sum, double[] runningSums) {
            this.logits = logits;
            this.max = max;
            this.temperature = temperature;
            this.sum = sum;
            this.runningSums = runningSums;
        }

        @Override
        public double applyAsDouble(int i) {
            return Math.exp((logits.get(i) - max) / temperature) / sum;
        }

        void read(int from, double[] out, int length) {
            logits.read(from, out, length);
            for (int k = 0; k < length; k++) {
                out[k] = Math.exp((out[k] - max) / temperature) / sum;
            }
        }

        /** As the walk over every element: the blocks before the one whose running sum passes u cannot hold the index. */
        int firstRunningSumAbove(double u, int size) {
            int low = 0;
            int high = runningSums.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (u < runningSums[mid]) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            if (low == runningSums.length) {
                return size - 1;
            }
            double cumulative = low == 0 ? 0 : runningSums[low - 1];
            int from = low * BLOCK;
            int to = Math.min(size, from + BLOCK);
            double[] block = new double[to - from];
            read(from, block, block.length);
            for (int k = 0; k < block.length; k++) {
                cumulative += block[k];
                if (u < cumulative) {
                    return from + k;
                }
            }
            return to - 1;
        }

        double total() {
            return runningSums.length == 0 ? 0 : runningSums[runningSums.length - 1];
        }
    }

    /** The same elements stored, for a caller about to read all of them many times. */
    public Values stored() {
        if (chunks != null) {
            return this;
        }
        Builder b = new Builder(size);
        // Each element is its own formula's (pure, see computed), so a long vector's chunks are
        // filled on the common pool's threads as well.
        java.util.stream.IntStream all = java.util.stream.IntStream.range(0, b.chunks.length);
        (b.chunks.length > 2 ? all.parallel() : all).forEach(c -> read(c << CHUNK_SHIFT, b.chunks[c], b.chunks[c].length));
        return b.build();
    }

    public static Values of(double... values) {
        return values.length == 0 ? EMPTY : copyOf(values);
    }

    /** Takes ownership of an array the caller has just filled and will not touch again (short vectors). */
    static Values wrap(double[] values) {
        return values.length <= CHUNK ? new Values(new double[][] {values}, values.length) : copyOf(values);
    }

    private static Values copyOf(double[] values) {
        Builder b = new Builder(values.length);
        for (int c = 0; c < b.chunks.length; c++) {
            System.arraycopy(values, c << CHUNK_SHIFT, b.chunks[c], 0, b.chunks[c].length);
        }
        return b.build();
    }

    public static Values generate(int size, IntToDoubleFunction f) {
        Builder b = new Builder(size);
        for (int c = 0, i = 0; c < b.chunks.length; c++) {
            double[] chunk = b.chunks[c];
            for (int k = 0; k < chunk.length; k++, i++) {
                chunk[k] = f.applyAsDouble(i);
            }
        }
        return b.build();
    }

    /** A vector filled in place by the model before anyone sees it; {@link #build()} hands it over. */
    static final class Builder {
        private final double[][] chunks;
        private final int size;

        Builder(int size) {
            this.size = size;
            int count = (size + CHUNK - 1) >>> CHUNK_SHIFT;
            chunks = new double[count][];
            for (int c = 0; c < count; c++) {
                chunks[c] = new double[Math.min(CHUNK, size - (c << CHUNK_SHIFT))];
            }
        }

        /** Where elements [c × CHUNK, …) are written: loops over every element fill it directly. */
        double[] chunk(int c) {
            return chunks[c];
        }

        int chunkCount() {
            return chunks.length;
        }

        Values build() {
            return new Values(chunks, size);
        }
    }

    /**
     * Elements [from, from + length) into {@code out}, each exactly what {@link #get} returns:
     * the loops over every token (softmax, the walk to the sampled token) read 100,000 values
     * per slider move, and a get per element costs them more than the arithmetic does.
     */
    void read(int from, double[] out, int length) {
        if (chunks != null) {
            for (int done = 0; done < length; ) {
                int i = from + done;
                int n = Math.min(length - done, CHUNK - (i & MASK));
                System.arraycopy(chunks[i >>> CHUNK_SHIFT], i & MASK, out, done, n);
                done += n;
            }
        } else if (base != null) {
            base.read(from, out, length);
            for (int k = 0; k < length; k++) {
                out[k] = factor * out[k];
            }
        } else if (formula instanceof Softmax softmax) {
            softmax.read(from, out, length);
        } else {
            for (int k = 0; k < length; k++) {
                out[k] = get(from + k);
            }
        }
    }

    /**
     * The first index at which the running sum of the elements, added in index order, exceeds
     * {@code u}; the last index if it never does (rounding can leave a sum of probabilities a
     * hair under 1). The walk to a sampled token, without a get per token.
     */
    int firstRunningSumAbove(double u) {
        double cumulative = 0;
        if (formula instanceof Softmax softmax) {
            return softmax.firstRunningSumAbove(u, size);
        }
        if (chunks == null) {
            for (int i = 0; i < size; i++) {
                cumulative += get(i);
                if (u < cumulative) {
                    return i;
                }
            }
            return size - 1;
        }
        for (int c = 0; c < chunks.length; c++) {
            double[] chunk = chunks[c];
            for (int k = 0; k < chunk.length; k++) {
                cumulative += chunk[k];
                if (u < cumulative) {
                    return (c << CHUNK_SHIFT) + k;
                }
            }
        }
        return size - 1;
    }

    /** Out of range fails as an array would: the last chunk is exactly as long as what is left. */
    public double get(int i) {
        if (chunks != null) {
            return chunks[i >>> CHUNK_SHIFT][i & MASK];
        }
        if (base != null) {
            return factor * base.get(i);
        }
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size);
        }
        return formula.applyAsDouble(i);
    }

    public int size() {
        return size;
    }

    public double[] toArray() {
        if (chunks == null) {
            return stored().toArray();
        }
        double[] out = new double[size];
        for (int c = 0; c < chunks.length; c++) {
            System.arraycopy(chunks[c], 0, out, c << CHUNK_SHIFT, chunks[c].length);
        }
        return out;
    }

    public DoubleStream stream() {
        return chunks == null ? java.util.stream.IntStream.range(0, size).mapToDouble(this::get)
                : Arrays.stream(chunks).flatMapToDouble(Arrays::stream);
    }

    /** Left to right, as a plain loop over one array would add them. */
    public double sum() {
        if (formula instanceof Softmax softmax) {
            return softmax.total();
        }
        if (chunks == null) {
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += get(i);
            }
            return s;
        }
        double s = 0;
        for (double[] chunk : chunks) {
            for (double v : chunk) {
                s += v;
            }
        }
        return s;
    }

    public boolean allFinite() {
        if (chunks == null) {
            for (int i = 0; i < size; i++) {
                if (!Double.isFinite(get(i))) {
                    return false;
                }
            }
            return true;
        }
        for (double[] chunk : chunks) {
            for (double v : chunk) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Index of the largest value; the first one wins a tie, as vocabulary order breaks ties everywhere. */
    public int argmax() {
        if (chunks == null) {
            int best = 0;
            double max = size == 0 ? 0 : get(0);
            for (int i = 1; i < size; i++) {
                double v = get(i);
                if (v > max) {
                    max = v;
                    best = i;
                }
            }
            return best;
        }
        int best = 0;
        double max = size == 0 ? 0 : chunks[0][0];
        for (int c = 0; c < chunks.length; c++) {
            double[] chunk = chunks[c];
            for (int k = 0; k < chunk.length; k++) {
                if (chunk[k] > max) {
                    max = chunk[k];
                    best = (c << CHUNK_SHIFT) + k;
                }
            }
        }
        return best;
    }

    public Values with(int index, double value) {
        if (chunks == null) {
            return stored().with(index, value);
        }
        double[][] copy = chunks.clone();
        int c = index >>> CHUNK_SHIFT;
        copy[c] = chunks[c].clone();
        copy[c][index & MASK] = value;
        return new Values(copy, size);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Values v) || v.size != size) {
            return false;
        }
        if (chunks == null || v.chunks == null) {
            for (int i = 0; i < size; i++) {
                if (Double.doubleToLongBits(get(i)) != Double.doubleToLongBits(v.get(i))) {
                    return false;
                }
            }
            return true;
        }
        for (int c = 0; c < chunks.length; c++) {
            if (chunks[c] != v.chunks[c] && !Arrays.equals(chunks[c], v.chunks[c])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            long bits = Double.doubleToLongBits(get(i));
            h = 31 * h + (int) (bits ^ (bits >>> 32));
        }
        return h;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }

    /** For tests: how the vector is stored. */
    int chunkCount() {
        return chunks == null ? 0 : chunks.length;
    }

    boolean isComputed() {
        return chunks == null;
    }
}
