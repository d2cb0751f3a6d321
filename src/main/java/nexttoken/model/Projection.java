package nexttoken.model;

/**
 * Embeddings on a plane. Two-dimensional embeddings are drawn as they are; longer ones
 * are projected on their first two principal components so that the words that sit
 * together in d dimensions still sit together on screen.
 *
 * @param x, y       one coordinate per token
 * @param projected  true when PCA was used (the axes are components, not features)
 * @param explained  the share of the variance each axis keeps (1 and 1 when not projected)
 */
public record Projection(Values x, Values y, boolean projected, double explainedX, double explainedY) {

    public static Projection of(Vocabulary v) {
        int n = v.size();
        int d = v.embeddingLength();
        if (d == 0) {
            throw new IllegalArgumentException("no embeddings to project");
        }
        if (d == 1) {
            return new Projection(Values.generate(n, i -> v.embedding(i, 0)), Values.generate(n, i -> 0.0), false, 1, 0);
        }
        if (d == 2) {
            return new Projection(Values.generate(n, i -> v.embedding(i, 0)), Values.generate(n, i -> v.embedding(i, 1)),
                    false, 1, 1);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += v.embedding(i, c) / n;
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double da = v.embedding(i, a) - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += da * (v.embedding(i, b) - mean[b]);
                }
            }
        }
        double total = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
            total += cov[a][a];
        }
        double[] pc1 = principal(cov, null);
        double l1 = rayleigh(cov, pc1);
        double[] pc2 = principal(cov, pc1);
        double l2 = rayleigh(cov, pc2);
        Values px = Values.generate(n, i -> centredDot(v, i, mean, pc1));
        Values py = Values.generate(n, i -> centredDot(v, i, mean, pc2));
        double share1 = total > 0 ? l1 / total : 0;
        double share2 = total > 0 ? l2 / total : 0;
        return new Projection(px, py, true, share1, share2);
    }

    /** Power iteration; {@code orthogonalTo} deflates the first component to find the second. */
    private static double[] principal(double[][] cov, double[] orthogonalTo) {
        int d = cov.length;
        double[] vec = new double[d];
        for (int c = 0; c < d; c++) {
            vec[c] = 1.0 / Math.sqrt(d) + c * 1e-3; // not orthogonal to any plausible component
        }
        for (int iteration = 0; iteration < 500; iteration++) {
            if (orthogonalTo != null) {
                removeComponent(vec, orthogonalTo);
            }
            double[] next = new double[d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    next[a] += cov[a][b] * vec[b];
                }
            }
            if (orthogonalTo != null) {
                removeComponent(next, orthogonalTo);
            }
            double norm = Math.sqrt(dot(next, next));
            if (norm == 0) {
                break;
            }
            for (int c = 0; c < d; c++) {
                next[c] /= norm;
            }
            vec = next;
        }
        double norm = Math.sqrt(dot(vec, vec));
        for (int c = 0; c < d; c++) {
            vec[c] = norm == 0 ? 0 : vec[c] / norm;
        }
        // A component's sign is arbitrary; fix it so that points do not flip between redraws.
        int largest = 0;
        for (int c = 1; c < d; c++) {
            if (Math.abs(vec[c]) > Math.abs(vec[largest])) {
                largest = c;
            }
        }
        if (vec[largest] < 0) {
            for (int c = 0; c < d; c++) {
                vec[c] = -vec[c];
            }
        }
        return vec;
    }

    private static void removeComponent(double[] vec, double[] unit) {
        double p = dot(vec, unit);
        for (int c = 0; c < vec.length; c++) {
            vec[c] -= p * unit[c];
        }
    }

    private static double rayleigh(double[][] cov, double[] vec) {
        double s = 0;
        for (int a = 0; a < vec.length; a++) {
            for (int b = 0; b < vec.length; b++) {
                s += vec[a] * cov[a][b] * vec[b];
            }
        }
        return s;
    }

    private static double centredDot(Vocabulary v, int i, double[] mean, double[] unit) {
        double s = 0;
        for (int c = 0; c < unit.length; c++) {
            s += (v.embedding(i, c) - mean[c]) * unit[c];
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
