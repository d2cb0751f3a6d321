package nexttoken.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nexttoken.model.Attention;
import nexttoken.model.InputKind;
import nexttoken.model.Lesson;
import nexttoken.model.Matrix;
import nexttoken.model.Normalization;
import nexttoken.model.Vocabulary;

/** The benchmark's attention lesson: a real-sized vocabulary whose f2 is tied to its embeddings. */
public final class AttentionBenchLessons {
    private AttentionBenchLessons() {
    }

    /** N tokens of seeded 2D embeddings, two heads, W_O, a feed-forward step, learned positions, tied f2. */
    public static Lesson tied(int n) {
        Random random = new Random(n);
        List<String> tokens = new ArrayList<>(n);
        int[] ids = new int[n];
        double[][] e = new double[n][2];
        for (int i = 0; i < n; i++) {
            tokens.add("tok" + i);
            ids[i] = i;
            e[i][0] = random.nextGaussian() * 0.5;
            e[i][1] = random.nextGaussian() * 0.5;
        }
        Matrix column = Matrix.of(new double[][] {{0.5}, {-1.0}});
        List<Attention.Head> heads = List.of(new Attention.Head(column, column, column),
                new Attention.Head(Matrix.of(new double[][] {{1.0}, {1.0}}), column, column));
        Attention.FeedForward ff = new Attention.FeedForward(Matrix.identity(2), nexttoken.model.Values.of(0, 0),
                Matrix.identity(2), nexttoken.model.Values.of(0.1, -0.1));
        Attention attention = new Attention(4, Attention.Positions.LEARNED,
                Matrix.of(new double[][] {{0, 0}, {0.5, 0}, {1, 0}, {1.5, 0}}), heads,
                Matrix.of(new double[][] {{1, 0}, {0, 1}}), true, ff, null);
        return new Lesson("attention " + n, "en", null, Vocabulary.of(tokens, ids, e), tokens.subList(0, 4),
                InputKind.EMBEDDINGS, null, null, Normalization.SOFTMAX, 1.0, 0, 1.0, 7L, List.of(), Map.of(),
                attention, null);
    }
}
