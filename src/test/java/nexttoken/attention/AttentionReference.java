package nexttoken.attention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * contracts.md "Attention lessons" computed a second time, straight from a lesson file's
 * JSON with plain arrays and loops, sharing no code with nexttoken.model or the lesson
 * reader. Sums run in index order, as the contract writes them, so the production model
 * must agree to the last bit.
 */
final class AttentionReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code outs} row i is word i's weighted sum; {@code out} the last one's, what W_O reads. */
    record Head(double[][] q, double[][] k, double[][] v, double[][] scores, double[][] weights, double[][] outs,
                double[] out) {
    }

    record Result(double[][] x, double[][] pe, List<Head> heads, double[] attentionOutput, double[] r,
                  double[] hidden, double[] ffOutput, double[] h, double[] logits, double[] probabilities) {
    }

    private AttentionReference() {
    }

    static Result run(String lessonJson, List<String> text) {
        try {
            return run(JSON.readTree(lessonJson), text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Result run(JsonNode lesson, List<String> text) {
        Map<String, double[]> embedding = new HashMap<>();
        List<double[]> embeddings = new ArrayList<>();
        for (JsonNode t : lesson.get("vocabulary")) {
            double[] e = vector(t.get("embedding"));
            embedding.put(t.get("token").asText(), e);
            embeddings.add(e);
        }
        int d = embeddings.get(0).length;
        int window = lesson.get("window").asInt();
        List<String> words = text.subList(Math.max(0, text.size() - window), text.size());
        int n = words.size();
        JsonNode positions = lesson.get("positions");
        double[][] pe = new double[n][d];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < d; c++) {
                if (positions == null || "none".equals(positions.asText(null))) {
                    pe[p][c] = 0;
                } else if (positions.isArray()) {
                    pe[p][c] = positions.get(p).get(c).asDouble();
                } else {
                    double angle = p / Math.pow(10000, (2.0 * (c / 2)) / d);
                    pe[p][c] = c % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                }
            }
        }
        double[][] x = new double[n][d];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < d; c++) {
                x[j][c] = embedding.get(words.get(j))[c] + pe[j][c];
            }
        }
        List<Head> heads = new ArrayList<>();
        List<Double> concatenated = new ArrayList<>();
        for (JsonNode headNode : lesson.get("attention").get("heads")) {
            double[][] wq = matrix(headNode.get("query"));
            double[][] wk = matrix(headNode.get("key"));
            double[][] wv = matrix(headNode.get("value"));
            double[][] q = new double[n][];
            double[][] k = new double[n][];
            double[][] v = new double[n][];
            for (int j = 0; j < n; j++) {
                q[j] = times(x[j], wq);
                k[j] = times(x[j], wk);
                v[j] = times(x[j], wv);
            }
            int dk = wq[0].length;
            double[][] scores = new double[n][];
            double[][] weights = new double[n][];
            for (int i = 0; i < n; i++) {
                scores[i] = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double dot = 0;
                    for (int c = 0; c < dk; c++) {
                        dot += q[i][c] * k[j][c];
                    }
                    scores[i][j] = dot / Math.sqrt(dk);
                    max = Math.max(max, scores[i][j]);
                }
                weights[i] = new double[i + 1];
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    weights[i][j] = Math.exp(scores[i][j] - max);
                    sum += weights[i][j];
                }
                for (int j = 0; j <= i; j++) {
                    weights[i][j] /= sum;
                }
            }
            double[][] outs = new double[n][wv[0].length];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < outs[i].length; c++) {
                    for (int j = 0; j <= i; j++) {
                        outs[i][c] += weights[i][j] * v[j][c];
                    }
                }
            }
            double[] out = outs[n - 1];
            for (double o : out) {
                concatenated.add(o);
            }
            heads.add(new Head(q, k, v, scores, weights, outs, out));
        }
        double[] cat = concatenated.stream().mapToDouble(Double::doubleValue).toArray();
        JsonNode outputNode = lesson.get("attention").get("output");
        double[] attentionOutput = outputNode == null ? cat : times(cat, matrix(outputNode));
        JsonNode residualNode = lesson.get("attention").get("residual");
        boolean residual = residualNode == null || residualNode.asBoolean();
        double[] r = new double[d];
        for (int c = 0; c < d; c++) {
            r[c] = residual ? x[n - 1][c] + attentionOutput[c] : attentionOutput[c];
        }
        double[] h = r;
        double[] hidden = null;
        double[] ffOutput = null;
        JsonNode ff = lesson.get("feedForward");
        if (ff != null) {
            double[] z = times(r, matrix(ff.get("weights1")));
            double[] b1 = vector(ff.get("bias1"));
            hidden = new double[z.length];
            for (int m = 0; m < z.length; m++) {
                hidden[m] = Math.max(0, z[m] + b1[m]);
            }
            ffOutput = times(hidden, matrix(ff.get("weights2")));
            double[] b2 = vector(ff.get("bias2"));
            h = new double[d];
            for (int c = 0; c < d; c++) {
                ffOutput[c] += b2[c];
                h[c] = r[c] + ffOutput[c];
            }
        }
        JsonNode f2 = lesson.get("f2");
        List<double[]> rows = f2.isTextual() ? embeddings : java.util.Arrays.asList(matrix(f2));
        double[] logits = new double[rows.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            for (int c = 0; c < d; c++) {
                logits[i] += h[c] * rows.get(i)[c];
            }
            max = Math.max(max, logits[i]);
        }
        double temperature = lesson.has("temperature") ? lesson.get("temperature").asDouble() : 1.0;
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return new Result(x, pe, heads, attentionOutput, r, hidden, ffOutput, h, logits, p);
    }

    /** −log p(target) at T = 1, by log-sum-exp. */
    static double loss(JsonNode lesson, List<String> context, String target) {
        Result r = run(lesson, context);
        int index = 0;
        for (JsonNode t : lesson.get("vocabulary")) {
            if (t.get("token").asText().equals(target)) {
                break;
            }
            index++;
        }
        double max = java.util.Arrays.stream(r.logits()).max().orElseThrow();
        double sum = 0;
        for (double l : r.logits()) {
            sum += Math.exp(l - max);
        }
        return max - r.logits()[index] + Math.log(sum);
    }

    /** The mean loss over every corpus word after the first, its context the up-to-window words before it. */
    static double meanLoss(JsonNode lesson) {
        int window = lesson.get("window").asInt();
        double total = 0;
        int pairs = 0;
        for (JsonNode sentence : lesson.get("corpus")) {
            String[] words = sentence.asText().trim().split("\\s+");
            for (int t = 1; t < words.length; t++) {
                List<String> context = List.of(words).subList(Math.max(0, t - window), t);
                total += loss(lesson, context, words[t]);
                pairs++;
            }
        }
        return total / pairs;
    }

    private static double[] times(double[] x, double[][] w) {
        double[] out = new double[w[0].length];
        for (int c = 0; c < out.length; c++) {
            for (int k = 0; k < x.length; k++) {
                out[c] += x[k] * w[k][c];
            }
        }
        return out;
    }

    private static double[] vector(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static double[][] matrix(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = vector(node.get(r));
        }
        return out;
    }
}
