package nexttoken.model;

import java.util.List;
import java.util.Objects;

/**
 * The weights of an attention lesson (contracts.md, "Attention lessons"): what replaces
 * f1's fixed weights with weights computed from the words themselves. Immutable; every
 * setter returns a new value.
 *
 * @param window           the most words the model reads
 * @param positions        how a word's place is added to its embedding
 * @param learnedPositions {@code window} rows of d numbers when positions is LEARNED, else null
 * @param heads            one or more heads
 * @param output           W_O, (Σ value columns) × d; null means the identity
 * @param residual         whether r = x + attention output, or the attention output alone
 * @param feedForward      null when the lesson has no feed-forward step
 * @param f2               V rows of d numbers; null when tied to the embeddings
 */
public record Attention(
        int window,
        Positions positions,
        Matrix learnedPositions,
        List<Head> heads,
        Matrix output,
        boolean residual,
        FeedForward feedForward,
        Matrix f2) {

    public Attention {
        Objects.requireNonNull(positions, "positions");
        heads = List.copyOf(heads);
    }

    /** The three matrices of one head: q = x·query, k = x·key, v = x·value. */
    public record Head(Matrix query, Matrix key, Matrix value) {
        public Head {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        public Head withQuery(Matrix m) {
            return new Head(m, key, value);
        }

        public Head withKey(Matrix m) {
            return new Head(query, m, value);
        }

        public Head withValue(Matrix m) {
            return new Head(query, key, m);
        }
    }

    /** u = ReLU(r·weights1 + bias1), f = u·weights2 + bias2. */
    public record FeedForward(Matrix weights1, Values bias1, Matrix weights2, Values bias2) {
        public FeedForward {
            Objects.requireNonNull(weights1, "weights1");
            Objects.requireNonNull(bias1, "bias1");
            Objects.requireNonNull(weights2, "weights2");
            Objects.requireNonNull(bias2, "bias2");
        }
    }

    public enum Positions {
        NONE("none"),
        SINUSOIDAL("sinusoidal"),
        LEARNED("learned");

        private final String fileName;

        Positions(String fileName) {
            this.fileName = fileName;
        }

        /** The spelling in lesson files; a learned table is written as its rows instead. */
        public String fileName() {
            return fileName;
        }
    }

    /** f2ᵢ is token i's own embedding. */
    public boolean tied() {
        return f2 == null;
    }

    /** The numbers the heads give together: the rows W_O must have. */
    public int headOutputLength() {
        int total = 0;
        for (Head h : heads) {
            total += h.value().columns();
        }
        return total;
    }

    /** PE(p)[2i] = sin(p / 10000^(2i/d)), PE(p)[2i+1] = cos(p / 10000^(2i/d)); zeros for NONE. */
    public double[] position(int p, int d) {
        double[] pe = new double[d];
        switch (positions) {
            case NONE -> {
            }
            case LEARNED -> pe = learnedPositions.row(p);
            case SINUSOIDAL -> {
                for (int c = 0; c < d; c++) {
                    int pair = c / 2;
                    double angle = p / Math.pow(10000, (2.0 * pair) / d);
                    pe[c] = c % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                }
            }
        }
        return pe;
    }

    public Attention withHead(int index, Head head) {
        List<Head> copy = new java.util.ArrayList<>(heads);
        copy.set(index, head);
        return new Attention(window, positions, learnedPositions, copy, output, residual, feedForward, f2);
    }

    public Attention withLearnedPositions(Matrix table) {
        return new Attention(window, Positions.LEARNED, table, heads, output, residual, feedForward, f2);
    }

    public Attention withOutput(Matrix m) {
        return new Attention(window, positions, learnedPositions, heads, m, residual, feedForward, f2);
    }

    public Attention withFeedForward(FeedForward ff) {
        return new Attention(window, positions, learnedPositions, heads, output, residual, ff, f2);
    }

    public Attention withF2(Matrix m) {
        return new Attention(window, positions, learnedPositions, heads, output, residual, feedForward, m);
    }
}
