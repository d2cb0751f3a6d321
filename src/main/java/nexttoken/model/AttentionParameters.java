package nexttoken.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every trainable number of an attention lesson (contracts.md) laid out in one vector, so
 * that a gradient, a step of gradient descent and a central difference all walk the same
 * list: the embeddings row by row, the learned positions, each head's query, key and value,
 * W_O, the feed-forward weights and biases, and f2's rows (none when tied).
 */
public final class AttentionParameters {
    private AttentionParameters() {
    }

    /** One block of the layout: a field of the lesson file and its shape. */
    public record Block(String field, int rows, int columns) {
        int size() {
            return rows * columns;
        }
    }

    public static List<Block> layout(Lesson lesson) {
        Attention a = lesson.attention();
        int d = lesson.vocabulary().embeddingLength();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("vocabulary.embedding", lesson.vocabulary().size(), d));
        if (a.positions() == Attention.Positions.LEARNED) {
            blocks.add(new Block("positions", a.window(), d));
        }
        for (int h = 0; h < a.heads().size(); h++) {
            Attention.Head head = a.heads().get(h);
            String at = "attention.heads[" + h + "].";
            blocks.add(new Block(at + "query", d, head.query().columns()));
            blocks.add(new Block(at + "key", d, head.key().columns()));
            blocks.add(new Block(at + "value", d, head.value().columns()));
        }
        if (a.output() != null) {
            blocks.add(new Block("attention.output", a.output().rows(), d));
        }
        if (a.feedForward() != null) {
            int m = a.feedForward().weights1().columns();
            blocks.add(new Block("feedForward.weights1", d, m));
            blocks.add(new Block("feedForward.bias1", 1, m));
            blocks.add(new Block("feedForward.weights2", m, d));
            blocks.add(new Block("feedForward.bias2", 1, d));
        }
        if (!a.tied()) {
            blocks.add(new Block("f2", lesson.vocabulary().size(), d));
        }
        return blocks;
    }

    public static int size(Lesson lesson) {
        return layout(lesson).stream().mapToInt(Block::size).sum();
    }

    /** The field an index of the vector belongs to, for a problem that names it. */
    public static String field(Lesson lesson, int index) {
        int at = 0;
        for (Block b : layout(lesson)) {
            if (index < at + b.size()) {
                return b.field();
            }
            at += b.size();
        }
        throw new IndexOutOfBoundsException(index);
    }

    public static double[] flatten(Lesson lesson) {
        Attention a = lesson.attention();
        Vocabulary v = lesson.vocabulary();
        Writer out = new Writer(size(lesson));
        for (int t = 0; t < v.size(); t++) {
            out.add(v.embedding(t).toArray());
        }
        if (a.positions() == Attention.Positions.LEARNED) {
            out.add(a.learnedPositions());
        }
        for (Attention.Head head : a.heads()) {
            out.add(head.query());
            out.add(head.key());
            out.add(head.value());
        }
        if (a.output() != null) {
            out.add(a.output());
        }
        if (a.feedForward() != null) {
            out.add(a.feedForward().weights1());
            out.add(a.feedForward().bias1().toArray());
            out.add(a.feedForward().weights2());
            out.add(a.feedForward().bias2().toArray());
        }
        if (!a.tied()) {
            out.add(a.f2());
        }
        return out.values;
    }

    /** The lesson with every trainable number taken from {@code values}, in {@link #layout} order. */
    public static Lesson unflatten(Lesson lesson, double[] values) {
        Attention a = lesson.attention();
        Vocabulary v = lesson.vocabulary();
        int d = v.embeddingLength();
        Reader in = new Reader(values);
        double[][] embeddings = in.rows(v.size(), d);
        Matrix positions = a.positions() == Attention.Positions.LEARNED ? in.matrix(a.window(), d) : null;
        List<Attention.Head> heads = new ArrayList<>();
        for (Attention.Head head : a.heads()) {
            heads.add(new Attention.Head(in.matrix(d, head.query().columns()), in.matrix(d, head.key().columns()),
                    in.matrix(d, head.value().columns())));
        }
        Matrix output = a.output() != null ? in.matrix(a.output().rows(), d) : null;
        Attention.FeedForward ff = null;
        if (a.feedForward() != null) {
            int m = a.feedForward().weights1().columns();
            Matrix w1 = in.matrix(d, m);
            Values b1 = Values.of(in.rows(1, m)[0]);
            Matrix w2 = in.matrix(m, d);
            Values b2 = Values.of(in.rows(1, d)[0]);
            ff = new Attention.FeedForward(w1, b1, w2, b2);
        }
        Matrix f2 = a.tied() ? null : in.matrix(v.size(), d);
        Attention trained = new Attention(a.window(), a.positions(), positions, heads, output, a.residual(), ff, f2);
        return lesson.withVocabulary(v.withEmbeddings(embeddings)).withAttention(trained);
    }

    private static final class Writer {
        final double[] values;
        int at;

        Writer(int size) {
            values = new double[size];
        }

        void add(double[] row) {
            System.arraycopy(row, 0, values, at, row.length);
            at += row.length;
        }

        void add(Matrix m) {
            for (int r = 0; r < m.rows(); r++) {
                add(m.row(r));
            }
        }
    }

    private static final class Reader {
        final double[] values;
        int at;

        Reader(double[] values) {
            this.values = values;
        }

        double[][] rows(int rows, int columns) {
            double[][] out = new double[rows][columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(values, at, out[r], 0, columns);
                at += columns;
            }
            return out;
        }

        Matrix matrix(int rows, int columns) {
            return Matrix.of(rows(rows, columns));
        }
    }
}
