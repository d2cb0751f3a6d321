package nexttoken.report;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import nexttoken.model.AttentionStep;
import nexttoken.model.Trace;
import nexttoken.model.Values;

/**
 * What an attention map shows, from one head of an attention step and nothing else: the
 * causal rows of one stage (q·k, ÷√dk or the softmax weights), the words on both sides and,
 * for any cell, its substitution written out. Built without a toolkit, so the numbers a class
 * reads are tested to the digit; the live map, the training view and the handout's table all
 * read this one record.
 */
public final class AttentionMap {

    /** The three stages of a score on its way to a weight. */
    public enum Shown {
        /** qᵢ · kⱼ, the dot product. */
        DOTS,
        /** sᵢⱼ = qᵢ · kⱼ / √dk. */
        SCALED,
        /** aᵢⱼ, the softmax of row i over j ≤ i. */
        WEIGHTS
    }

    /**
     * @param words   the words read, position 0 first: the rows (the word looking) and the columns (looked at)
     * @param tokens  their vocabulary indices, for their colours
     * @param head    which head, 0 first, of {@code heads}
     * @param dk      the key length, whose square root divides the dot products
     * @param scale   √dk as the model computed it
     * @param rows    row i holds i + 1 numbers (j ≤ i); the cells right of them are masked
     * @param rowSums each row's weights added up (1 up to rounding); empty unless {@code shown} is WEIGHTS
     */
    public record Data(List<String> words, List<Integer> tokens, int head, int heads, Shown shown, int dk, double scale,
                       List<List<Double>> rows, List<Double> rowSums) {
        public Data {
            words = List.copyOf(words);
            tokens = List.copyOf(tokens);
            rows = rows.stream().map(List::copyOf).toList();
            rowSums = List.copyOf(rowSums);
        }

        public int size() {
            return words.size();
        }

        /** Masked: word i may not look at a later word j; the cell is left out of the softmax, not set to 0. */
        public boolean masked(int i, int j) {
            return j > i;
        }

        public double value(int i, int j) {
            return rows.get(i).get(j);
        }
    }

    private AttentionMap() {
    }

    /** One head's map at one stage of the trace's attention step, for the words it read; null before that step. */
    public static Data of(Trace t, int head, Shown shown) {
        if (t.attention() == null || t.context() == null) {
            return null;
        }
        return of(t.attention(), t.context().context(), t.context().indices(), head, shown);
    }

    /** One head's map at one stage; {@code head} is clamped to the heads the step has. */
    public static Data of(AttentionStep step, List<String> words, List<Integer> tokens, int head, Shown shown) {
        int h = Math.max(0, Math.min(head, step.heads().size() - 1));
        AttentionStep.HeadStep s = step.heads().get(h);
        List<Values> source = switch (shown) {
            case DOTS -> s.dots();
            case SCALED -> s.scores();
            case WEIGHTS -> s.weights();
        };
        List<List<Double>> rows = new ArrayList<>();
        List<Double> sums = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < source.get(i).size(); j++) {
                row.add(source.get(i).get(j));
            }
            rows.add(row);
            if (shown == Shown.WEIGHTS) {
                sums.add(s.weightSum(i));
            }
        }
        return new Data(words, tokens, h, step.heads().size(), shown, s.queries().columns(), s.scale(), rows, sums);
    }

    /**
     * The cell's numbers written out, one line per stage: the dot product with its products,
     * the division by √dk, then the softmax of its row. A masked cell says why it has none.
     */
    public static List<String> substitution(AttentionStep step, int head, int i, int j, Formulas f, Messages texts) {
        AttentionStep.HeadStep s = step.heads().get(head);
        String ij = AttentionFormulas.pair(i, j);
        if (j > i) {
            return List.of(texts.format("view.map.masked.why", "s" + ij, i, j));
        }
        double[] q = s.queries().row(i);
        double[] k = s.keys().row(j);
        StringBuilder products = new StringBuilder();
        for (int c = 0; c < q.length; c++) {
            products.append(c == 0 ? "" : " + ").append(f.factor(q[c])).append(" × ").append(f.factor(k[c]));
        }
        double dot = s.dots().get(i).get(j);
        double score = s.scores().get(i).get(j);
        double weight = s.weights().get(i).get(j);
        String qi = "q" + AttentionFormulas.sub(i);
        String kj = "k" + AttentionFormulas.sub(j);
        List<String> lines = new ArrayList<>();
        lines.add(qi + " · " + kj + " = " + products + " " + Formulas.relation(dot) + " " + f.number(dot));
        lines.add("s" + ij + " = " + qi + " · " + kj + " / √" + q.length + " = " + f.number(dot) + " / "
                + f.number(s.scale()) + " " + Formulas.relation(score, s.scale()) + " " + f.number(score));
        StringJoiner row = new StringJoiner(" + ");
        Values scores = s.scores().get(i);
        for (int c = 0; c < scores.size(); c++) {
            row.add("exp(" + f.number(scores.get(c)) + ")");
        }
        lines.add("a" + ij + " = exp(s" + ij + ") / Σⱼ exp(s" + AttentionFormulas.sub(i) + "ⱼ) = exp(" + f.number(score)
                + ") / (" + row + ") " + Formulas.relation(weight) + " " + f.number(weight));
        return lines;
    }

    /** Row i's softmax in one line: "a₂ = softmax(0.5515, 2.036, 1.725) = (0.1156, 0.5104, 0.3740)". */
    public static String rowRule(AttentionStep step, int head, int i, Formulas f) {
        return new AttentionFormulas(f).weights(step.heads().get(head), i);
    }
}
