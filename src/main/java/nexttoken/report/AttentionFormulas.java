package nexttoken.report;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import nexttoken.model.Attention;
import nexttoken.model.AttentionStep;
import nexttoken.model.Lesson;
import nexttoken.model.Matrix;
import nexttoken.model.Trace;
import nexttoken.model.Values;

/**
 * The substitutions of an attention lesson written out the way the posts write f1,
 * "0.3 × 2.0 + (-0.6) × 0.0 = 0.6": every product, then the sum. Subscripts are the
 * position of the word read (0 is the first), so s₂₁ is how much word 2 looks at word 1.
 */
public final class AttentionFormulas {
    private final Formulas f;
    private final boolean marksRounding;

    /** As the trace writes them: "=" before every result (the trace's text is pinned by its tests). */
    public AttentionFormulas(Formulas f) {
        this(f, false);
    }

    /**
     * @param marksRounding write "≈" instead of "=" before a result when a number of the line reads
     *                      rounded (issue 17's rule on screen: a class must not add up 0.3260 + … and
     *                      wonder why the digits disagree)
     */
    public AttentionFormulas(Formulas f, boolean marksRounding) {
        this.f = f;
        this.marksRounding = marksRounding;
    }

    /** " = ", or " ≈ " when rounding is marked and one of {@code shown} reads rounded ({@link Formulas#relation}). */
    private String is(double[]... shown) {
        if (marksRounding) {
            for (double[] v : shown) {
                if (Formulas.relation(v).equals("≈")) {
                    return " ≈ ";
                }
            }
        }
        return " = ";
    }

    public String vector(double[] v) {
        return "[" + f.list(Values.of(v)) + "]";
    }

    public String vector(Values v) {
        return "[" + f.list(v) + "]";
    }

    /** "x₂ = es + PE(2) = [0.1, -0.1] + [1.0, 0.0] = [1.1, -0.1]", or without PE for "positions": "none". */
    public String input(AttentionStep a, List<String> words, int j) {
        String x = "x" + sub(j) + " = ";
        if (a.positions() == null) {
            return x + words.get(j) + " = " + vector(a.inputs().row(j));
        }
        return x + words.get(j) + " + PE(" + j + ") = " + vector(a.embeddings().row(j)) + " + "
                + vector(a.positions().row(j)) + " = " + vector(a.inputs().row(j));
    }

    /** "q₂ = x₂·Wq = [1.1 × 2.0 + (-0.1) × 0.0, …] = [2.2, -0.2]". */
    public String product(String name, int j, double[] x, Matrix w, double[] result, String matrixName) {
        return name + sub(j) + " = x" + sub(j) + "·" + matrixName + " = " + products(x, w) + is(x, flat(w), result)
                + vector(result);
    }

    /** "[x0 × W00 + x1 × W10, …]": row vector times matrix, one sum per column. */
    public String products(double[] x, Matrix w) {
        StringJoiner columns = new StringJoiner(f.separator(), "[", "]");
        for (int c = 0; c < w.columns(); c++) {
            StringBuilder sum = new StringBuilder();
            for (int k = 0; k < x.length; k++) {
                sum.append(k == 0 ? f.factor(x[k]) : " + " + f.factor(x[k])).append(" × ").append(f.factor(w.get(k, c)));
            }
            columns.add(sum);
        }
        return columns.toString();
    }

    /** "s₂₁ = q₂ · k₁ / √2 = (2.2 × 0.8 + (-0.2) × 0.4) / 1.4142135623730951 = 1.68 / 1.4142135623730951 = 1.18…". */
    public String score(AttentionStep.HeadStep head, int i, int j) {
        double[] q = head.queries().row(i);
        double[] k = head.keys().row(j);
        StringBuilder products = new StringBuilder();
        for (int c = 0; c < q.length; c++) {
            products.append(c == 0 ? "" : " + ").append(f.factor(q[c])).append(" × ").append(f.factor(k[c]));
        }
        int dk = q.length;
        String dot = f.number(head.dots().get(i).get(j));
        String scaled = "s" + pair(i, j) + " = q" + sub(i) + " · k" + sub(j) + " / √" + dk + " = ("
                + products + ") / " + f.number(head.scale()) + " = " + dot + " / " + f.number(head.scale());
        return scaled + " = " + f.number(head.scores().get(i).get(j));
    }

    /** "a₂ = softmax(s₂₀, s₂₁, s₂₂) = softmax(0.1, 1.2, 0.8) = (0.1, 0.5, 0.4); sum 1.0". */
    public String weights(AttentionStep.HeadStep head, int i) {
        StringJoiner names = new StringJoiner(", ");
        for (int j = 0; j <= i; j++) {
            names.add("s" + pair(i, j));
        }
        Values row = head.weights().get(i);
        return "a" + sub(i) + " = softmax(" + names + ") = softmax(" + f.list(head.scores().get(i)) + ") = ("
                + f.list(row) + ")";
    }

    /** The last word's sum, the one W_O reads: "o = a₂₀ × v₀ + a₂₁ × v₁ + a₂₂ × v₂ = 0.1 × [..] + … = [..]". */
    public String headOutput(AttentionStep.HeadStep head) {
        return headOutput(head, head.weights().size() - 1);
    }

    /** Word i's sum over the words it may look at: "o = a₁₀ × v₀ + a₁₁ × v₁ = 0.1458 × [..] + … = [..]". */
    public String headOutput(AttentionStep.HeadStep head, int i) {
        Values a = head.weights().get(i);
        Values output = head.output(i);
        StringBuilder symbols = new StringBuilder();
        StringBuilder products = new StringBuilder();
        for (int j = 0; j <= i; j++) {
            symbols.append(j == 0 ? "" : " + ").append("a").append(pair(i, j)).append(" × v").append(sub(j));
            products.append(j == 0 ? "" : " + ").append(f.number(a.get(j))).append(" × ").append(vector(head.values().row(j)));
        }
        double[] shownValues = flat(head.values(), i + 1);
        return "o = " + symbols + " = " + products + is(a.toArray(), shownValues, output.toArray()) + vector(output);
    }

    /** "[o₁, o₂]·W_O = [..]" with the products, or the concatenation alone when W_O is the identity. */
    public String output(Attention weights, AttentionStep a) {
        double[] c = a.concatenated().toArray();
        if (weights.output() == null) {
            return "(o₁, …) = " + vector(c);
        }
        return vector(c) + "·W_O = " + products(c, weights.output()) + is(c, a.output().toArray()) + vector(a.output());
    }

    public String residual(Attention weights, AttentionStep a) {
        int last = a.length() - 1;
        if (!weights.residual()) {
            return "r = " + vector(a.output());
        }
        return "r = x" + sub(last) + " + " + vector(a.output()) + " = " + vector(a.inputs().row(last)) + " + "
                + vector(a.output()) + is(a.output().toArray(), a.residual().toArray()) + vector(a.residual());
    }

    /** z = r·W1 + b1, u = ReLU(z), f = u·W2 + b2, h = r + f: four lines. */
    public List<String> feedForward(Attention weights, AttentionStep a) {
        Attention.FeedForward w = weights.feedForward();
        AttentionStep.FeedForwardStep s = a.feedForward();
        List<String> lines = new ArrayList<>();
        double[] r = a.residual().toArray();
        lines.add("z = r·W1 + b1 = " + products(r, w.weights1()) + " + " + vector(w.bias1())
                + is(r, s.preActivation().toArray()) + vector(s.preActivation()));
        lines.add("u = ReLU(z) = max(0, " + vector(s.preActivation()) + ") = " + vector(s.hidden()));
        lines.add("f = u·W2 + b2 = " + products(s.hidden().toArray(), w.weights2()) + " + " + vector(w.bias2())
                + is(s.hidden().toArray(), s.output().toArray()) + vector(s.output()));
        lines.add("h = r + f = " + vector(a.residual()) + " + " + vector(s.output())
                + is(r, s.output().toArray(), a.h().toArray()) + vector(a.h()));
        return lines;
    }

    /** "logit(azul) = h · f2(azul) = 0.3 × (-0.2) + 1.1 × 0.9 = 0.93"; f2(azul) is azul's embedding when tied. */
    public String logit(Trace t, int token) {
        Lesson lesson = t.lesson();
        Attention weights = lesson.attention();
        double[] h = t.attention().h().toArray();
        String name = lesson.vocabulary().token(token);
        StringBuilder products = new StringBuilder();
        for (int c = 0; c < h.length; c++) {
            double w = weights.tied() ? lesson.vocabulary().embedding(token, c) : weights.f2().get(token, c);
            products.append(c == 0 ? "" : " + ").append(f.factor(h[c])).append(" × ").append(f.factor(w));
        }
        String row = weights.tied() ? "e(" + name + ")" : "f2(" + name + ")";
        double logit = t.f2().logits().get(token);
        return "logit(" + name + ") = h · " + row + " = " + products + is(h, new double[] {logit}) + f.number(logit);
    }

    private static double[] flat(Matrix m) {
        return flat(m, m.rows());
    }

    /** The first {@code rows} rows one after another: the values a word's sum reads. */
    private static double[] flat(Matrix m, int rows) {
        return java.util.Arrays.stream(m.toArray(), 0, rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** "₂₁", or "₁₂,₃" once a position has two digits, so that s₁₂,₃ cannot be read as s₁,₂₃. */
    public static String pair(int i, int j) {
        return sub(i) + (i >= 10 || j >= 10 ? "," : "") + sub(j);
    }

    /** Subscript digits, so "s₂₁" reads as on the board. */
    public static String sub(int n) {
        String digits = Integer.toString(n);
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append((char) ('₀' + (c - '0')));
        }
        return out.toString();
    }
}
