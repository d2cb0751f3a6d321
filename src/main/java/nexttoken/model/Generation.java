package nexttoken.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** N tokens predicted one after another, each appended to the text while the context window slides. */
public final class Generation {
    private Generation() {
    }

    /** One predicted token with the trace that chose it. */
    public record GeneratedToken(Trace trace, int index, String token) {
    }

    /**
     * @param tokens  what was generated, in order
     * @param problem why generation stopped early, or null
     * @param ended   true when it stopped because it produced the lesson's end token
     */
    public record Result(List<String> prompt, List<GeneratedToken> tokens, Problem problem, boolean ended) {
        public Result {
            prompt = List.copyOf(prompt);
            tokens = List.copyOf(tokens);
        }

        public List<String> text() {
            List<String> all = new ArrayList<>(prompt);
            tokens.forEach(t -> all.add(t.token()));
            return all;
        }
    }

    /**
     * Samples with the lesson's settings; {@code greedy} picks the most probable token instead.
     * Stops after {@code count} new tokens, or as soon as it produces the lesson's end token.
     */
    public static Result generate(Lesson lesson, List<String> prompt, int count, long seed, boolean greedy) {
        return generate(lesson, prompt, count, new Random(seed), greedy);
    }

    /** As above, drawing from a generator the caller shares across runs (ten sentences from one seed). */
    public static Result generate(Lesson lesson, List<String> prompt, int count, Random random, boolean greedy) {
        List<String> text = new ArrayList<>(prompt);
        List<GeneratedToken> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Trace trace = Composition.compute(lesson, text);
            if (!trace.isComplete()) {
                return new Result(prompt, out, trace.problem(), false);
            }
            int index = greedy ? trace.greedyIndex() : Sampling.sample(trace, random);
            String token = lesson.vocabulary().token(index);
            out.add(new GeneratedToken(trace, index, token));
            text.add(token);
            if (token.equals(lesson.endToken())) {
                return new Result(prompt, out, null, true);
            }
        }
        return new Result(prompt, out, null, false);
    }
}
