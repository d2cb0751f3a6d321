package nexttoken.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The whole model, norm(f2(f1(x))) or f1 → lookup, computed one step at a time into a {@link Trace}. */
public final class Composition {
    private Composition() {
    }

    public static Trace compute(Lesson lesson) {
        return compute(lesson, lesson.prompt());
    }

    /** Predicts the word after {@code text}, reading only its last {@link Lesson#contextLength()} words. */
    public static Trace compute(Lesson lesson, List<String> text) {
        return compute(lesson, text, null);
    }

    /**
     * The same trace, reusing the steps of {@code previous} whose inputs are unchanged: a
     * temperature move leaves f2's 100,000 logits as they were, a top-k move leaves softmax too.
     * Steps are immutable, so a reused step is exactly the step that would be computed again.
     */
    public static Trace compute(Lesson lesson, List<String> text, Trace previous) {
        Vocabulary vocabulary = lesson.vocabulary();
        int n = lesson.contextLength();
        List<Integer> textIndices = new ArrayList<>(text.size());
        for (int i = 0; i < text.size(); i++) {
            OptionalInt index = vocabulary.indexOf(text.get(i));
            if (index.isEmpty()) {
                return stopped(lesson, null, null, null, null,
                        Problem.of(ProblemKind.WORD_NOT_IN_VOCABULARY, "prompt[" + i + "]", text.get(i)));
            }
            textIndices.add(index.getAsInt());
        }
        if (lesson.isAttention()) {
            return attention(lesson, text, textIndices, previous);
        }
        if (text.size() < n) {
            return stopped(lesson, null, null, null, null,
                    Problem.of(ProblemKind.PROMPT_TOO_SHORT, "prompt", text.size(), n));
        }
        int start = text.size() - n;
        ContextStep context = new ContextStep(text, text.subList(start, text.size()), textIndices.subList(start, text.size()));

        InputStep input = input(lesson, context);
        WeightedSumStep f1 = weightedSum(input.x(), lesson.f1());
        if (!Double.isFinite(f1.value())) {
            return stopped(lesson, context, input, f1, null, Problem.of(ProblemKind.F1_NOT_FINITE, "f1"));
        }
        if (lesson.kind() == LessonKind.LOOKUP) {
            return new Trace(lesson, context, input, f1, lookup(f1.value(), vocabulary), null, null, null, null);
        }
        // Reused only from a trace that got past the step: its logits are known finite, its probabilities defined.
        boolean sameLogits = previous != null && previous.normalization() != null
                && previous.lesson().vocabulary() == vocabulary && previous.lesson().f2() == lesson.f2()
                && Double.compare(previous.f2().input(), f1.value()) == 0;
        LogitsStep f2 = sameLogits ? previous.f2() : logits(f1.value(), lesson.f2());
        if (!sameLogits && !Double.isFinite(f2.logits().get(f2.top()))) {
            int i = firstNotFinite(f2.logits());
            return stopped(lesson, context, input, f1, f2,
                    Problem.of(ProblemKind.LOGIT_NOT_FINITE, "f2[" + i + "]", vocabulary.token(i)));
        }
        return decode(lesson, context, input, f1, f2, null, sameLogits ? previous : null);
    }

    /**
     * Normalization and the filters after f2, shared by every lesson that has f2.
     *
     * @param previous a trace with the same logits, whose later steps may be reused, or null
     */
    private static Trace decode(Lesson lesson, ContextStep context, InputStep input, WeightedSumStep f1,
                                LogitsStep f2, AttentionStep attention, Trace previous) {
        boolean sameProbabilities = previous != null && previous.normalization().method() == lesson.normalization()
                && Double.compare(previous.normalization().temperature(), lesson.temperature()) == 0;
        NormalizationStep normalization;
        if (sameProbabilities) {
            normalization = previous.normalization();
        } else {
            Decoding.Result normalized = Decoding.normalize(f2.logits(), f2.top(), lesson.normalization(),
                    lesson.temperature(), lesson.vocabulary());
            if (normalized.problem() != null) {
                return new Trace(lesson, context, input, f1, null, f2, null, null, normalized.problem(), attention);
            }
            normalization = normalized.step();
        }
        boolean sameFilter = sameProbabilities && previous.filter().topK() == lesson.topK()
                && Double.compare(previous.filter().topP(), lesson.topP()) == 0;
        FilterStep filter = sameFilter ? previous.filter()
                : Decoding.filter(normalization.probabilities(), f2.logits(), f2.top(), lesson.topK(), lesson.topP());
        return new Trace(lesson, context, input, f1, null, f2, normalization, filter, null, attention);
    }

    /**
     * An attention lesson reads the last {@code window} words, or all of a shorter text (at
     * least one word), and its logits are h · f2ᵢ.
     */
    private static Trace attention(Lesson lesson, List<String> text, List<Integer> textIndices, Trace previous) {
        if (text.isEmpty()) {
            return new Trace(lesson, null, null, null, null, null, null, null,
                    Problem.of(ProblemKind.PROMPT_EMPTY, "prompt"), null);
        }
        int n = Math.min(lesson.attention().window(), text.size());
        int start = text.size() - n;
        ContextStep context = new ContextStep(text, text.subList(start, text.size()), textIndices.subList(start, text.size()));
        boolean sameModel = previous != null && previous.attention() != null && previous.normalization() != null
                && previous.lesson().vocabulary() == lesson.vocabulary()
                && previous.lesson().attention() == lesson.attention()
                && previous.context().indices().equals(context.indices());
        if (sameModel) {
            // A temperature or filter move: h and the logits are as they were.
            return decode(lesson, context, null, null, previous.f2(), previous.attention(), previous);
        }
        AttentionComposition.Result computed = AttentionComposition.compute(lesson, context.indices());
        if (computed.problem() != null) {
            return new Trace(lesson, context, null, null, null, null, null, null, computed.problem(), null);
        }
        AttentionStep step = computed.step();
        LogitsStep f2 = LogitsStep.ofAttention(AttentionComposition.logits(lesson, step.h()));
        if (!Double.isFinite(f2.logits().get(f2.top()))) {
            return new Trace(lesson, context, null, null, null, f2, null, null,
                    Problem.of(ProblemKind.ATTENTION_LOGIT_NOT_FINITE, lesson.attention().tied() ? "vocabulary" : "f2",
                            lesson.vocabulary().token(f2.top())), step);
        }
        return decode(lesson, context, null, null, f2, step, null);
    }

    private static Trace stopped(Lesson lesson, ContextStep context, InputStep input, WeightedSumStep f1,
                                 LogitsStep f2, Problem problem) {
        return new Trace(lesson, context, input, f1, null, f2, null, null, problem);
    }

    static InputStep input(Lesson lesson, ContextStep context) {
        Vocabulary vocabulary = lesson.vocabulary();
        List<Integer> indices = context.indices();
        if (lesson.input() == InputKind.IDS) {
            return new InputStep(InputKind.IDS, Values.generate(indices.size(), i -> vocabulary.id(indices.get(i))), 1);
        }
        int d = vocabulary.embeddingLength();
        double[] x = new double[indices.size() * d];
        for (int t = 0; t < indices.size(); t++) {
            for (int c = 0; c < d; c++) {
                x[t * d + c] = vocabulary.embedding(indices.get(t), c);
            }
        }
        return new InputStep(InputKind.EMBEDDINGS, Values.wrap(x), d);
    }

    static WeightedSumStep weightedSum(Values x, Values weights) {
        double[] terms = new double[x.size()];
        double sum = 0;
        // Left to right, as the post adds them, so the digits match its worked example.
        for (int i = 0; i < terms.length; i++) {
            terms[i] = x.get(i) * weights.get(i);
            sum += terms[i];
        }
        return new WeightedSumStep(x, weights, Values.wrap(terms), sum);
    }

    static LogitsStep logits(double input, Values weights) {
        // Computed on read (see Values): a weight move would otherwise make a new array of 100,000 logits.
        Values logits = Values.scaled(input, weights);
        return new LogitsStep(input, weights, logits, top(logits));
    }

    /**
     * The largest logit's index, the first of equals; or, if any logit overflowed, an index
     * whose logit is not finite, so that one read tells the caller whether all are finite.
     */
    private static int top(Values logits) {
        // Read off the weights' extremes when that settles it: a weight move then looks at 64
        // logits instead of 100,000.
        int[] best1 = Ranking.topOfScaled(logits, 1);
        if (best1 != null && Boolean.TRUE.equals(Ranking.scaledAllFinite(logits))) {
            return best1[0];
        }
        int overflowed = firstNotFinite(logits);
        return overflowed >= 0 ? overflowed : logits.argmax();
    }

    private static int firstNotFinite(Values v) {
        for (int i = 0; i < v.size(); i++) {
            if (!Double.isFinite(v.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static LookupStep lookup(double value, Vocabulary vocabulary) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < vocabulary.size(); i++) {
            double distance = Math.abs(value - vocabulary.id(i));
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return new LookupStep(value, best, vocabulary.id(best), bestDistance == 0);
    }
}
