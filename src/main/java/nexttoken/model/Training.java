package nexttoken.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Full-batch gradient descent on the mean cross-entropy (softmax at T = 1) over every
 * (context window → next token) pair of the lesson's corpus. Trainable: f1, f2 and,
 * for embeddings lessons, the embeddings; ids never change.
 */
public final class Training {
    /**
     * A loss a thousand times its starting value means the steps overshoot more each time
     * (an ids lesson at a learning rate made for embeddings): training stops there and says
     * so, rather than plot losses of 1e300 until the doubles overflow.
     */
    public static final double DIVERGENCE_FACTOR = 1000;

    private Training() {
    }

    /** The problem to report when {@code loss} has run away from {@code start}, or null. */
    public static Problem divergence(double start, double loss) {
        if (loss > start * DIVERGENCE_FACTOR && loss > 10) {
            return Problem.of(ProblemKind.LOSS_EXPLODED, "f1", NumberText.plain(NumberText.significant(start, 4)),
                    NumberText.plain(NumberText.significant(loss, 4)));
        }
        return null;
    }


    /** One example: a context window of vocabulary indices and the index of the token that followed. */
    public record Pair(int sentence, List<Integer> context, int target) {
        public Pair {
            context = List.copyOf(context);
        }
    }

    /** The pairs, or the first corpus word not in the vocabulary. */
    public record Pairs(List<Pair> pairs, Problem problem) {
    }

    /**
     * Exact gradients of the mean loss, in the shapes of the weights they belong to.
     *
     * @param embeddings null for an ids lesson
     */
    public record Gradient(double loss, Values f1, Values f2, double[][] embeddings) {
    }

    /** Where training stands: the lesson after each step and the loss before training and after every step. */
    public record Run(Lesson lesson, List<Double> losses, Problem problem) {
        public Run {
            losses = List.copyOf(losses);
        }
    }

    public static Pairs pairs(Lesson lesson) {
        int n = lesson.contextLength();
        return pairs(lesson, n, n);
    }

    /**
     * Every corpus word with at least {@code shortest} words before it is a target; its context
     * is the up-to-{@code longest} words before it.
     */
    static Pairs pairs(Lesson lesson, int shortest, int longest) {
        Vocabulary vocabulary = lesson.vocabulary();
        List<Pair> out = new ArrayList<>();
        List<String> corpus = lesson.corpus();
        for (int s = 0; s < corpus.size(); s++) {
            String[] words = corpus.get(s).trim().split("\\s+");
            int[] indices = new int[words.length];
            for (int w = 0; w < words.length; w++) {
                OptionalInt index = vocabulary.indexOf(words[w]);
                if (index.isEmpty()) {
                    return new Pairs(List.of(), Problem.of(ProblemKind.WORD_NOT_IN_VOCABULARY, "corpus[" + s + "]", words[w]));
                }
                indices[w] = index.getAsInt();
            }
            for (int t = shortest; t < indices.length; t++) {
                List<Integer> context = new ArrayList<>(Math.min(t, longest));
                for (int j = Math.max(0, t - longest); j < t; j++) {
                    context.add(indices[j]);
                }
                out.add(new Pair(s, context, indices[t]));
            }
        }
        return new Pairs(out, null);
    }

    /** x for one context: its ids, or its embeddings one after another. */
    static double[] input(Lesson lesson, List<Integer> context) {
        Vocabulary v = lesson.vocabulary();
        if (lesson.input() == InputKind.IDS) {
            return context.stream().mapToDouble(v::id).toArray();
        }
        int d = v.embeddingLength();
        double[] x = new double[context.size() * d];
        for (int t = 0; t < context.size(); t++) {
            for (int c = 0; c < d; c++) {
                x[t * d + c] = v.embedding(context.get(t), c);
            }
        }
        return x;
    }

    /** The loss of one pair: −log softmax(f2(f1(x)))[target]. */
    public static double pairLoss(Lesson lesson, Pair pair) {
        double s = dot(input(lesson, pair.context()), lesson.f1());
        Values logits = Values.generate(lesson.f2().size(), i -> s * lesson.f2().get(i));
        return Loss.softmaxCrossEntropy(logits, pair.target(), 1.0);
    }

    public static double meanLoss(Lesson lesson, List<Pair> pairs) {
        double total = 0;
        for (Pair p : pairs) {
            total += pairLoss(lesson, p);
        }
        return pairs.isEmpty() ? 0 : total / pairs.size();
    }

    /**
     * The chain rule, written as the training view explains it:
     * dL/dlogitᵢ = pᵢ − yᵢ; dL/dw2ᵢ = (pᵢ − yᵢ)·f1; dL/df1 = Σ (pᵢ − yᵢ)·w2ᵢ;
     * dL/dw1ₖ = dL/df1 · xₖ; dL/dxₖ = dL/df1 · w1ₖ, added to the embedding xₖ came from.
     */
    public static Gradient gradient(Lesson lesson, List<Pair> pairs) {
        Values w1 = lesson.f1();
        Values w2 = lesson.f2();
        Vocabulary v = lesson.vocabulary();
        boolean embeddings = lesson.input() == InputKind.EMBEDDINGS;
        int d = Math.max(1, v.embeddingLength());
        double[] g1 = new double[w1.size()];
        double[] g2 = new double[w2.size()];
        double[][] gE = embeddings ? new double[v.size()][d] : null;
        double total = 0;
        double scale = pairs.isEmpty() ? 0 : 1.0 / pairs.size();
        double[] p = new double[w2.size()];
        for (Pair pair : pairs) {
            double[] x = input(lesson, pair.context());
            double s = dot(x, w1);
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.length; i++) {
                p[i] = s * w2.get(i);
                max = Math.max(max, p[i]);
            }
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.exp(p[i] - max);
                sum += p[i];
            }
            double targetLogit = s * w2.get(pair.target());
            total += (max - targetLogit) + Math.log(sum);
            double dS = 0;
            for (int i = 0; i < p.length; i++) {
                double dLogit = p[i] / sum - (i == pair.target() ? 1 : 0);
                g2[i] += scale * dLogit * s;
                dS += dLogit * w2.get(i);
            }
            for (int k = 0; k < x.length; k++) {
                g1[k] += scale * dS * x[k];
                if (embeddings) {
                    gE[pair.context().get(k / d)][k % d] += scale * dS * w1.get(k);
                }
            }
        }
        return new Gradient(total * scale, Values.wrap(g1), Values.wrap(g2), gE);
    }

    /**
     * One pair's gradient written out the way the chain rule reads, for the training view.
     *
     * @param x          the pair's input
     * @param f1         f1(x), the single number f2 scales
     * @param logits     f1 · w2
     * @param p          softmax of the logits
     * @param dLogits    pᵢ − yᵢ
     * @param dF1        Σ (pᵢ − yᵢ)·w2ᵢ
     * @param loss       −log p(target)
     */
    public record PairGradient(Pair pair, Values x, double f1, Values logits, Values p, Values dLogits, double dF1,
                               double loss) {
        /** dL/dw2ᵢ for this pair: (pᵢ − yᵢ)·f1. */
        public double dW2(int i) {
            return dLogits.get(i) * f1;
        }

        /** dL/dw1ₖ for this pair: dL/df1 · xₖ. */
        public double dW1(int k) {
            return dF1 * x.get(k);
        }
    }

    public static PairGradient explain(Lesson lesson, Pair pair) {
        Values x = Values.of(input(lesson, pair.context()));
        double s = 0;
        for (int k = 0; k < x.size(); k++) {
            s += x.get(k) * lesson.f1().get(k);
        }
        double f1 = s;
        Values logits = Values.generate(lesson.f2().size(), i -> f1 * lesson.f2().get(i));
        double max = logits.get(logits.argmax());
        double[] p = new double[logits.size()];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits.get(i) - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        Values probabilities = Values.wrap(p);
        Values dLogits = Values.generate(p.length, i -> p[i] - (i == pair.target() ? 1 : 0));
        double dF1 = 0;
        for (int i = 0; i < p.length; i++) {
            dF1 += dLogits.get(i) * lesson.f2().get(i);
        }
        return new PairGradient(pair, x, f1, logits, probabilities, dLogits, dF1,
                Loss.softmaxCrossEntropy(logits, pair.target(), 1.0));
    }

    /**
     * The same lesson reading ids instead of embeddings, to show why embeddings help: f1
     * keeps one weight per context word (the first of that word's embedding weights).
     */
    public static Lesson idsTwin(Lesson lesson) {
        if (lesson.input() == InputKind.IDS) {
            return lesson;
        }
        int d = lesson.vocabulary().embeddingLength();
        Values f1 = Values.generate(lesson.contextLength(), k -> lesson.f1().get(k * d));
        return new Lesson(lesson.title(), lesson.language(), lesson.description(), lesson.vocabulary(), lesson.prompt(),
                InputKind.IDS, f1, lesson.f2(), lesson.normalization(), lesson.temperature(), lesson.topK(),
                lesson.topP(), lesson.seed(), lesson.corpus(), lesson.notes());
    }

    /** One step of gradient descent; a step whose weights or loss would overflow is refused with a problem. */
    public static Run step(Lesson lesson, List<Pair> pairs, double learningRate) {
        Gradient g = gradient(lesson, pairs);
        if (!Double.isFinite(g.loss()) || !g.f1().allFinite() || !g.f2().allFinite()) {
            return new Run(lesson, List.of(), Problem.of(ProblemKind.TRAINING_DIVERGED, "f1"));
        }
        Values f1 = Values.generate(lesson.f1().size(), k -> lesson.f1().get(k) - learningRate * g.f1().get(k));
        Values f2 = Values.generate(lesson.f2().size(), i -> lesson.f2().get(i) - learningRate * g.f2().get(i));
        if (!f1.allFinite() || !f2.allFinite()) {
            return new Run(lesson, List.of(g.loss()), Problem.of(ProblemKind.TRAINING_DIVERGED, "f1"));
        }
        Lesson next = lesson.withF1(f1).withF2(f2);
        if (g.embeddings() != null) {
            Vocabulary v = lesson.vocabulary();
            double[][] rows = new double[v.size()][];
            for (int t = 0; t < v.size(); t++) {
                rows[t] = new double[v.embeddingLength()];
                for (int c = 0; c < rows[t].length; c++) {
                    rows[t][c] = v.embedding(t, c) - learningRate * g.embeddings()[t][c];
                    if (!Double.isFinite(rows[t][c])) {
                        return new Run(lesson, List.of(g.loss()),
                                Problem.of(ProblemKind.TRAINING_DIVERGED, "vocabulary[" + t + "].embedding"));
                    }
                }
            }
            next = next.withVocabulary(v.withEmbeddings(rows));
        }
        double after = meanLoss(next, pairs);
        if (!Double.isFinite(after)) {
            return new Run(lesson, List.of(g.loss()), Problem.of(ProblemKind.TRAINING_DIVERGED, "f2"));
        }
        return new Run(next, List.of(g.loss(), after), null);
    }

    /** {@code steps} steps; the losses are the loss before training and after each step. */
    public static Run train(Lesson lesson, int steps, double learningRate) {
        if (lesson.isAttention()) {
            return AttentionTraining.train(lesson, steps, learningRate);
        }
        if (lesson.kind() == LessonKind.LOOKUP) {
            return new Run(lesson, List.of(), Problem.of(ProblemKind.NOT_TRAINABLE, "f2"));
        }
        Pairs pairs = pairs(lesson);
        if (pairs.problem() != null) {
            return new Run(lesson, List.of(), pairs.problem());
        }
        if (pairs.pairs().isEmpty()) {
            return new Run(lesson, List.of(), Problem.of(ProblemKind.NO_TRAINING_PAIRS, "corpus", lesson.contextLength() + 1));
        }
        List<Double> losses = new ArrayList<>(steps + 1);
        double start = meanLoss(lesson, pairs.pairs());
        if (!Double.isFinite(start)) {
            return new Run(lesson, List.of(), Problem.of(ProblemKind.TRAINING_DIVERGED, "f1"));
        }
        losses.add(start);
        Lesson current = lesson;
        for (int k = 0; k < steps; k++) {
            Run run = step(current, pairs.pairs(), learningRate);
            if (run.problem() != null) {
                return new Run(current, losses, run.problem());
            }
            losses.add(run.losses().get(1));
            Problem exploded = divergence(start, run.losses().get(1));
            if (exploded != null) {
                return new Run(current, losses, exploded);
            }
            current = run.lesson();
        }
        return new Run(current, losses, null);
    }

    private static double dot(double[] x, Values w) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * w.get(k);
        }
        return s;
    }
}
