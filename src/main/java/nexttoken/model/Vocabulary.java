package nexttoken.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The tokens a lesson's model knows, in the order of f2's outputs and of every chart.
 * Immutable; an edit returns a new vocabulary.
 */
public final class Vocabulary {
    private final List<String> tokens;
    private final int[] ids;
    /** One row per token, or null when the lesson has no embeddings. */
    private final double[][] embeddings;
    private final Map<String, Integer> indexByToken;
    /** Computed on first use: the scatter asks on every redraw, and 100,000 points take milliseconds to project. */
    private volatile Projection projection;

    private Vocabulary(List<String> tokens, int[] ids, double[][] embeddings) {
        this.tokens = List.copyOf(tokens);
        this.ids = ids;
        this.embeddings = embeddings;
        this.indexByToken = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            indexByToken.putIfAbsent(tokens.get(i), i);
        }
    }

    /** Same tokens, other embeddings: the token index is shared, a drag need not rebuild it for every move. */
    private Vocabulary(Vocabulary sameTokens, double[][] embeddings) {
        this.tokens = sameTokens.tokens;
        this.ids = sameTokens.ids;
        this.embeddings = embeddings;
        this.indexByToken = sameTokens.indexByToken;
    }

    /**
     * @param embeddings one row per token, all of one length; null for a vocabulary without embeddings
     */
    public static Vocabulary of(List<String> tokens, int[] ids, double[][] embeddings) {
        if (ids.length != tokens.size()) {
            throw new IllegalArgumentException("ids and tokens differ in length");
        }
        double[][] rows = null;
        if (embeddings != null) {
            if (embeddings.length != tokens.size()) {
                throw new IllegalArgumentException("embeddings and tokens differ in length");
            }
            rows = new double[embeddings.length][];
            for (int i = 0; i < embeddings.length; i++) {
                rows[i] = embeddings[i].clone();
                if (rows[i].length != rows[0].length) {
                    throw new IllegalArgumentException("embeddings differ in length");
                }
            }
        }
        return new Vocabulary(tokens, ids.clone(), rows);
    }

    public int size() {
        return tokens.size();
    }

    public String token(int index) {
        return tokens.get(index);
    }

    public List<String> tokens() {
        return tokens;
    }

    public int id(int index) {
        return ids[index];
    }

    public boolean hasEmbeddings() {
        return embeddings != null;
    }

    /** Length of every embedding; 0 when there are none. */
    public int embeddingLength() {
        return embeddings == null || embeddings.length == 0 ? 0 : embeddings[0].length;
    }

    public double embedding(int index, int dimension) {
        return embeddings[index][dimension];
    }

    public Values embedding(int index) {
        return Values.of(embeddings[index]);
    }

    public OptionalInt indexOf(String token) {
        Integer i = indexByToken.get(token);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public Vocabulary withEmbedding(int index, double[] embedding) {
        if (embeddings == null || embedding.length != embeddingLength()) {
            throw new IllegalArgumentException("embedding length must stay " + embeddingLength());
        }
        double[][] rows = embeddings.clone();
        rows[index] = embedding.clone();
        return new Vocabulary(this, rows);
    }

    /** The embeddings on a plane (PCA past two dimensions), computed once per vocabulary. */
    public Projection projection() {
        Projection p = projection;
        if (p == null) {
            p = Projection.of(this);
            projection = p;
        }
        return p;
    }

    /** All embeddings replaced at once, as a training step does. */
    public Vocabulary withEmbeddings(double[][] newEmbeddings) {
        return of(tokens, ids, newEmbeddings);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens) && Arrays.equals(v.ids, ids)
                && Arrays.deepEquals(v.embeddings, embeddings);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + Arrays.hashCode(ids);
    }
}
