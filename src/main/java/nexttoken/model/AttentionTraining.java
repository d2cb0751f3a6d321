package nexttoken.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Full-batch gradient descent through attention: the mean cross-entropy (softmax at T = 1)
 * over every word of every corpus sentence after its first, its context the up-to-window
 * words before it. The gradient is exact (the chain rule written out below, checked against
 * central differences in the tests) for every number {@link AttentionParameters} lists.
 */
public final class AttentionTraining {
    private AttentionTraining() {
    }

    /** The mean loss and its gradient, laid out as {@link AttentionParameters#flatten}. */
    public record Gradient(double loss, double[] values) {
    }

    public static Training.Pairs pairs(Lesson lesson) {
        return Training.pairs(lesson, 1, lesson.attention().window());
    }

    /** −log softmax(logits)[target] for one pair; infinite when a number overflowed. */
    public static double pairLoss(Lesson lesson, Training.Pair pair) {
        AttentionComposition.Result r = AttentionComposition.compute(lesson, pair.context());
        if (r.problem() != null) {
            return Double.POSITIVE_INFINITY;
        }
        return Loss.softmaxCrossEntropy(AttentionComposition.logits(lesson, r.step().h()), pair.target(), 1.0);
    }

    public static double meanLoss(Lesson lesson, List<Training.Pair> pairs) {
        double total = 0;
        for (Training.Pair p : pairs) {
            total += pairLoss(lesson, p);
        }
        return pairs.isEmpty() ? 0 : total / pairs.size();
    }

    /** null when a number overflowed on the way. */
    public static Gradient gradient(Lesson lesson, List<Training.Pair> pairs) {
        Grads g = new Grads(lesson);
        double total = 0;
        double scale = pairs.isEmpty() ? 0 : 1.0 / pairs.size();
        for (Training.Pair pair : pairs) {
            AttentionComposition.Result r = AttentionComposition.compute(lesson, pair.context());
            if (r.problem() != null) {
                return null;
            }
            total += g.backward(r.step(), pair, scale);
        }
        return new Gradient(total * scale, g.flatten());
    }

    /** One step: θ − rate · ∇L, refused with a problem naming the field whose numbers overflowed. */
    public static Training.Run step(Lesson lesson, List<Training.Pair> pairs, double learningRate) {
        Gradient g = gradient(lesson, pairs);
        if (g == null || !Double.isFinite(g.loss())) {
            return new Training.Run(lesson, List.of(), Problem.of(ProblemKind.TRAINING_DIVERGED, "attention"));
        }
        double[] theta = AttentionParameters.flatten(lesson);
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= learningRate * g.values()[i];
            if (!Double.isFinite(theta[i])) {
                return new Training.Run(lesson, List.of(g.loss()),
                        Problem.of(ProblemKind.TRAINING_DIVERGED, AttentionParameters.field(lesson, i)));
            }
        }
        Lesson next = AttentionParameters.unflatten(lesson, theta);
        double after = meanLoss(next, pairs);
        if (!Double.isFinite(after)) {
            return new Training.Run(lesson, List.of(g.loss()), Problem.of(ProblemKind.TRAINING_DIVERGED, "attention"));
        }
        return new Training.Run(next, List.of(g.loss(), after), null);
    }

    public static Training.Run train(Lesson lesson, int steps, double learningRate) {
        Training.Pairs pairs = pairs(lesson);
        if (pairs.problem() != null) {
            return new Training.Run(lesson, List.of(), pairs.problem());
        }
        if (pairs.pairs().isEmpty()) {
            return new Training.Run(lesson, List.of(), Problem.of(ProblemKind.NO_TRAINING_PAIRS, "corpus", 2));
        }
        double start = meanLoss(lesson, pairs.pairs());
        if (!Double.isFinite(start)) {
            return new Training.Run(lesson, List.of(), Problem.of(ProblemKind.TRAINING_DIVERGED, "attention"));
        }
        List<Double> losses = new ArrayList<>(steps + 1);
        losses.add(start);
        Lesson current = lesson;
        for (int k = 0; k < steps; k++) {
            Training.Run run = step(current, pairs.pairs(), learningRate);
            if (run.problem() != null) {
                return new Training.Run(current, losses, run.problem());
            }
            losses.add(run.losses().get(1));
            Problem exploded = Training.divergence(start, run.losses().get(1));
            if (exploded != null) {
                return new Training.Run(current, losses, exploded);
            }
            current = run.lesson();
        }
        return new Training.Run(current, losses, null);
    }

    /** The gradient's accumulators in the shapes of the weights, and the chain rule that fills them. */
    private static final class Grads {
        final Lesson lesson;
        final Attention a;
        final Vocabulary v;
        final int d;
        final double[][] embeddings;
        final double[][] positions;
        final double[][][] query;
        final double[][][] key;
        final double[][][] value;
        final double[][] output;
        final double[][] w1;
        final double[] b1;
        final double[][] w2;
        final double[] b2;
        final double[][] f2;

        Grads(Lesson lesson) {
            this.lesson = lesson;
            this.a = lesson.attention();
            this.v = lesson.vocabulary();
            this.d = v.embeddingLength();
            embeddings = new double[v.size()][d];
            positions = a.positions() == Attention.Positions.LEARNED ? new double[a.window()][d] : null;
            int heads = a.heads().size();
            query = new double[heads][][];
            key = new double[heads][][];
            value = new double[heads][][];
            for (int h = 0; h < heads; h++) {
                query[h] = new double[d][a.heads().get(h).query().columns()];
                key[h] = new double[d][a.heads().get(h).key().columns()];
                value[h] = new double[d][a.heads().get(h).value().columns()];
            }
            output = a.output() != null ? new double[a.output().rows()][d] : null;
            if (a.feedForward() != null) {
                int m = a.feedForward().weights1().columns();
                w1 = new double[d][m];
                b1 = new double[m];
                w2 = new double[m][d];
                b2 = new double[d];
            } else {
                w1 = null;
                b1 = null;
                w2 = null;
                b2 = null;
            }
            f2 = a.tied() ? null : new double[v.size()][d];
        }

        /** Adds {@code scale} × this pair's gradient; returns the pair's loss. */
        double backward(AttentionStep s, Training.Pair pair, double scale) {
            int n = s.length();
            int last = n - 1;
            double[] h = s.h().toArray();
            // logitᵢ = h · f2ᵢ; dL/dlogitᵢ = pᵢ − yᵢ.
            Values logits = AttentionComposition.logits(lesson, s.h());
            double max = logits.get(logits.argmax());
            double[] p = new double[v.size()];
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.exp(logits.get(i) - max);
                sum += p[i];
            }
            double loss = (max - logits.get(pair.target())) + Math.log(sum);
            double[] dh = new double[d];
            for (int i = 0; i < p.length; i++) {
                double dLogit = p[i] / sum - (i == pair.target() ? 1 : 0);
                double[] rowGrad = a.tied() ? embeddings[i] : f2[i];
                for (int c = 0; c < d; c++) {
                    double weight = a.tied() ? v.embedding(i, c) : a.f2().get(i, c);
                    dh[c] += dLogit * weight;
                    rowGrad[c] += scale * dLogit * h[c];
                }
            }
            // h = r + f, f = u·W2 + b2, u = ReLU(r·W1 + b1).
            double[] dr = dh.clone();
            if (a.feedForward() != null) {
                Attention.FeedForward ff = a.feedForward();
                double[] r = s.residual().toArray();
                double[] u = s.feedForward().hidden().toArray();
                double[] z = s.feedForward().preActivation().toArray();
                int m = u.length;
                double[] dz = new double[m];
                for (int k = 0; k < m; k++) {
                    double du = 0;
                    for (int c = 0; c < d; c++) {
                        w2[k][c] += scale * u[k] * dh[c];
                        du += ff.weights2().get(k, c) * dh[c];
                    }
                    dz[k] = z[k] > 0 ? du : 0;
                    b1[k] += scale * dz[k];
                }
                for (int c = 0; c < d; c++) {
                    b2[c] += scale * dh[c];
                    for (int k = 0; k < m; k++) {
                        w1[c][k] += scale * r[c] * dz[k];
                        dr[c] += ff.weights1().get(c, k) * dz[k];
                    }
                }
            }
            // r = x₍ₙ₋₁₎ + output (with the residual); output = concatenated · W_O.
            double[][] dx = new double[n][d];
            if (a.residual()) {
                for (int c = 0; c < d; c++) {
                    dx[last][c] += dr[c];
                }
            }
            double[] concatenated = s.concatenated().toArray();
            double[] dConcatenated;
            if (a.output() == null) {
                dConcatenated = dr.clone();
            } else {
                dConcatenated = new double[concatenated.length];
                for (int k = 0; k < concatenated.length; k++) {
                    for (int c = 0; c < d; c++) {
                        output[k][c] += scale * concatenated[k] * dr[c];
                        dConcatenated[k] += a.output().get(k, c) * dr[c];
                    }
                }
            }
            int at = 0;
            for (int hIndex = 0; hIndex < a.heads().size(); hIndex++) {
                AttentionStep.HeadStep head = s.heads().get(hIndex);
                Attention.Head w = a.heads().get(hIndex);
                int dv = w.value().columns();
                int dk = w.query().columns();
                double[] dOut = java.util.Arrays.copyOfRange(dConcatenated, at, at + dv);
                at += dv;
                double[] weights = head.weights().get(last).toArray();
                // out = Σⱼ aⱼ vⱼ: dL/daⱼ = dOut · vⱼ, dL/dvⱼ = aⱼ dOut.
                double[] da = new double[n];
                double[][] dValues = new double[n][dv];
                for (int j = 0; j < n; j++) {
                    double[] vj = head.values().row(j);
                    for (int c = 0; c < dv; c++) {
                        da[j] += dOut[c] * vj[c];
                        dValues[j][c] = weights[j] * dOut[c];
                    }
                }
                // Softmax: dL/dsⱼ = aⱼ (dL/daⱼ − Σₗ aₗ dL/daₗ).
                double mean = 0;
                for (int j = 0; j < n; j++) {
                    mean += weights[j] * da[j];
                }
                double[] q = head.queries().row(last);
                double[] dq = new double[dk];
                double[][] dKeys = new double[n][dk];
                for (int j = 0; j < n; j++) {
                    double ds = weights[j] * (da[j] - mean) / head.scale();
                    double[] kj = head.keys().row(j);
                    for (int c = 0; c < dk; c++) {
                        dq[c] += ds * kj[c];
                        dKeys[j][c] = ds * q[c];
                    }
                }
                // q = x₍ₙ₋₁₎·Wq, kⱼ = xⱼ·Wk, vⱼ = xⱼ·Wv.
                chain(s.inputs().row(last), dq, w.query(), query[hIndex], dx[last], scale);
                for (int j = 0; j < n; j++) {
                    chain(s.inputs().row(j), dKeys[j], w.key(), key[hIndex], dx[j], scale);
                    chain(s.inputs().row(j), dValues[j], w.value(), value[hIndex], dx[j], scale);
                }
            }
            // xⱼ = embedding(wordⱼ) + PE(j).
            for (int j = 0; j < n; j++) {
                int token = pair.context().get(j);
                for (int c = 0; c < d; c++) {
                    embeddings[token][c] += scale * dx[j][c];
                    if (positions != null) {
                        positions[j][c] += scale * dx[j][c];
                    }
                }
            }
            return loss;
        }

        /** y = x·W: dL/dW += scale · xᵀ dy, dL/dx += W dy. */
        private static void chain(double[] x, double[] dy, Matrix w, double[][] dW, double[] dx, double scale) {
            for (int r = 0; r < x.length; r++) {
                for (int c = 0; c < dy.length; c++) {
                    dW[r][c] += scale * x[r] * dy[c];
                    dx[r] += w.get(r, c) * dy[c];
                }
            }
        }

        double[] flatten() {
            List<double[]> rows = new ArrayList<>();
            java.util.Collections.addAll(rows, embeddings);
            if (positions != null) {
                java.util.Collections.addAll(rows, positions);
            }
            for (int h = 0; h < query.length; h++) {
                java.util.Collections.addAll(rows, query[h]);
                java.util.Collections.addAll(rows, key[h]);
                java.util.Collections.addAll(rows, value[h]);
            }
            if (output != null) {
                java.util.Collections.addAll(rows, output);
            }
            if (w1 != null) {
                java.util.Collections.addAll(rows, w1);
                rows.add(b1);
                java.util.Collections.addAll(rows, w2);
                rows.add(b2);
            }
            if (f2 != null) {
                java.util.Collections.addAll(rows, f2);
            }
            double[] out = new double[rows.stream().mapToInt(r -> r.length).sum()];
            int at = 0;
            for (double[] r : rows) {
                System.arraycopy(r, 0, out, at, r.length);
                at += r.length;
            }
            return out;
        }
    }
}
