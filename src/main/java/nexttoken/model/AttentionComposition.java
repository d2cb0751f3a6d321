package nexttoken.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps 1 to 6 of contracts.md "Attention lessons": from the words read to h and the
 * logits h · f2ᵢ. Every sum runs left to right in index order, the way the products are
 * written out, so a class adding them by hand gets the same digits.
 */
public final class AttentionComposition {
    private AttentionComposition() {
    }

    /** Either the step or the first number that overflowed, named by the field that made it. */
    public record Result(AttentionStep step, Problem problem) {
    }

    /** @param indices the vocabulary indices of the words read, 1 ≤ n ≤ window */
    public static Result compute(Lesson lesson, List<Integer> indices) {
        Attention a = lesson.attention();
        Vocabulary vocabulary = lesson.vocabulary();
        int n = indices.size();
        int d = vocabulary.embeddingLength();
        double[][] embeddings = new double[n][];
        double[][] positions = new double[n][];
        double[][] inputs = new double[n][d];
        for (int j = 0; j < n; j++) {
            embeddings[j] = vocabulary.embedding(indices.get(j)).toArray();
            positions[j] = a.position(j, d);
            for (int c = 0; c < d; c++) {
                inputs[j][c] = embeddings[j][c] + positions[j][c];
            }
        }
        if (!allFinite(inputs)) {
            return failed(a.positions() == Attention.Positions.LEARNED ? "positions" : "vocabulary");
        }
        List<AttentionStep.HeadStep> heads = new ArrayList<>(a.heads().size());
        double[] concatenated = new double[a.headOutputLength()];
        int at = 0;
        for (int hIndex = 0; hIndex < a.heads().size(); hIndex++) {
            AttentionStep.HeadStep head = head(a.heads().get(hIndex), inputs);
            if (head == null) {
                return failed("attention.heads[" + hIndex + "]");
            }
            heads.add(head);
            for (int c = 0; c < head.output().size(); c++) {
                concatenated[at++] = head.output().get(c);
            }
        }
        double[] output = a.output() == null ? concatenated.clone() : a.output().timesRow(concatenated);
        if (!allFinite(output)) {
            return failed("attention.output");
        }
        double[] last = inputs[n - 1];
        double[] residual = new double[d];
        for (int c = 0; c < d; c++) {
            residual[c] = a.residual() ? last[c] + output[c] : output[c];
        }
        if (!allFinite(residual)) {
            return failed("attention.residual");
        }
        AttentionStep.FeedForwardStep ff = null;
        double[] h = residual;
        if (a.feedForward() != null) {
            Attention.FeedForward weights = a.feedForward();
            double[] z = weights.weights1().timesRow(residual);
            double[] u = new double[z.length];
            for (int m = 0; m < z.length; m++) {
                z[m] += weights.bias1().get(m);
                u[m] = Math.max(0, z[m]);
            }
            double[] f = weights.weights2().timesRow(u);
            h = new double[d];
            for (int c = 0; c < d; c++) {
                f[c] += weights.bias2().get(c);
                h[c] = residual[c] + f[c];
            }
            if (!allFinite(z) || !allFinite(f) || !allFinite(h)) {
                return failed("feedForward");
            }
            ff = new AttentionStep.FeedForwardStep(Values.wrap(z), Values.wrap(u), Values.wrap(f));
        }
        Matrix positionRows = a.positions() == Attention.Positions.NONE ? null : Matrix.of(positions);
        return new Result(new AttentionStep(Matrix.of(embeddings), positionRows, Matrix.of(inputs), heads,
                Values.wrap(concatenated), Values.wrap(output), Values.wrap(residual), ff, Values.wrap(h)), null);
    }

    /** null when a number overflowed. */
    private static AttentionStep.HeadStep head(Attention.Head weights, double[][] inputs) {
        int n = inputs.length;
        double[][] q = new double[n][];
        double[][] k = new double[n][];
        double[][] v = new double[n][];
        for (int j = 0; j < n; j++) {
            q[j] = weights.query().timesRow(inputs[j]);
            k[j] = weights.key().timesRow(inputs[j]);
            v[j] = weights.value().timesRow(inputs[j]);
        }
        if (!allFinite(q) || !allFinite(k) || !allFinite(v)) {
            return null;
        }
        double scale = Math.sqrt(weights.query().columns());
        List<Values> dots = new ArrayList<>(n);
        List<Values> scores = new ArrayList<>(n);
        List<Values> rowWeights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] dot = new double[i + 1];
            double[] score = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                dot[j] = dot(q[i], k[j]);
                score[j] = dot[j] / scale;
            }
            if (!allFinite(dot) || !allFinite(score)) {
                return null;
            }
            dots.add(Values.wrap(dot));
            scores.add(Values.wrap(score));
            rowWeights.add(Values.wrap(softmax(score)));
        }
        // Every word's sum, not only the last one's: the same loop, so the last row is the number W_O reads.
        List<Values> outputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] rowWeight = rowWeights.get(i).toArray();
            double[] out = new double[v[0].length];
            for (int c = 0; c < out.length; c++) {
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    sum += rowWeight[j] * v[j][c];
                }
                out[c] = sum;
            }
            if (!allFinite(out)) {
                return null;
            }
            outputs.add(Values.wrap(out));
        }
        return new AttentionStep.HeadStep(Matrix.of(q), Matrix.of(k), Matrix.of(v), dots, scale, scores, rowWeights,
                outputs);
    }

    /** Stable: the row's largest score is subtracted first, so every exponent is at most 0 and the sum at least 1. */
    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] e = new double[scores.length];
        double sum = 0;
        for (int j = 0; j < e.length; j++) {
            e[j] = Math.exp(scores[j] - max);
            sum += e[j];
        }
        for (int j = 0; j < e.length; j++) {
            e[j] /= sum;
        }
        return e;
    }

    /** logitᵢ = h · f2ᵢ, f2ᵢ being token i's embedding when f2 is tied. */
    public static Values logits(Lesson lesson, Values h) {
        Attention a = lesson.attention();
        Vocabulary vocabulary = lesson.vocabulary();
        double[] hv = h.toArray();
        return Values.generate(vocabulary.size(), i -> {
            double sum = 0;
            for (int c = 0; c < hv.length; c++) {
                sum += hv[c] * (a.tied() ? vocabulary.embedding(i, c) : a.f2().get(i, c));
            }
            return sum;
        });
    }

    static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int c = 0; c < x.length; c++) {
            sum += x[c] * y[c];
        }
        return sum;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[][] rows) {
        for (double[] r : rows) {
            if (!allFinite(r)) {
                return false;
            }
        }
        return true;
    }

    private static Result failed(String field) {
        return new Result(null, Problem.of(ProblemKind.ATTENTION_NOT_FINITE, field));
    }
}
