package nexttoken.cli;

import nexttoken.model.LessonKind;
import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.NumberText;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.model.Values;
import picocli.CommandLine.Option;

/** The options every command shares: which lesson, which prompt, which decoding settings. */
final class LessonOptions {
    @Option(names = "--lesson", paramLabel = "FILE|ID", defaultValue = BuiltInLessons.DEFAULT_ID,
            description = "A lesson file, or a built-in lesson id (part1 … part5, part1-en … part5-en). Default: ${DEFAULT-VALUE}.")
    String lesson;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The words before the prediction, e.g. \"el cielo es\".")
    String prompt;

    @Option(names = "--normalization", paramLabel = "norm|softmax", description = "How logits become probabilities.")
    String normalization;

    @Option(names = "--temperature", paramLabel = "T", description = "T ≥ 0; 0 is greedy. No effect under norm.")
    Double temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "Keep the K most probable tokens; 0 is off.")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "Keep the smallest most probable set reaching P; 1 is off.")
    Double topP;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for sampling, so a class can replay a run.")
    Long seed;

    @Option(names = "--f1", paramLabel = "W", split = ",", description = "Replace f1's weights, e.g. 1,-2,0.5.")
    double[] f1;

    @Option(names = "--f2", paramLabel = "W", split = ",", description = "Replace f2's weights, one per token.")
    double[] f2;

    @Option(names = "--language", paramLabel = "es|en",
            description = "Language of messages and reports; with a built-in lesson id, picks its twin in that language.")
    String language;

    /** Where the lesson came from, as error messages name it. */
    String source;

    Locale locale() {
        if (language != null) {
            return Locale.forLanguageTag(language);
        }
        return Problem.supported(Locale.getDefault());
    }

    void checkLanguage() {
        if (language != null && !List.of("es", "en").contains(language)) {
            throw bad("--language", language, "es, en");
        }
    }

    /** The lesson with every option applied; a {@link UserError} names the first thing wrong. */
    Lesson load() {
        checkLanguage();
        Lesson base = read();
        return apply(base);
    }

    private Lesson read() {
        var opened = nexttoken.lesson.LessonSource.open(lesson, language == null ? null : locale(), "--lesson");
        source = opened.source();
        if (opened.problem() != null) {
            throw new UserError(opened.problem());
        }
        return opened.lesson();
    }

    private Lesson apply(Lesson lesson) {
        Lesson out = lesson;
        if (normalization != null) {
            Normalization n = Normalization.fromFileName(normalization);
            if (n == null) {
                throw bad("--normalization", normalization, "norm, softmax");
            }
            out = out.withNormalization(n);
        }
        if (temperature != null) {
            if (!Double.isFinite(temperature)) {
                throw new UserError(Problem.of(ProblemKind.NOT_FINITE, "--temperature"));
            }
            if (temperature < 0) {
                throw range("--temperature", NumberText.plain(temperature), "T ≥ 0");
            }
            out = out.withTemperature(temperature);
        }
        if (topK != null) {
            if (topK < 0) {
                throw range("--top-k", Integer.toString(topK), "k ≥ 0");
            }
            out = out.withTopK(topK);
        }
        if (topP != null) {
            if (!Double.isFinite(topP)) {
                throw new UserError(Problem.of(ProblemKind.NOT_FINITE, "--top-p"));
            }
            if (!(topP > 0 && topP <= 1)) {
                throw range("--top-p", NumberText.plain(topP), "0 < p ≤ 1");
            }
            out = out.withTopP(topP);
        }
        if (seed != null) {
            out = out.withSeed(seed);
        }
        if (f1 != null) {
            checkFinite("--f1", f1);
            if (f1.length != out.f1().size()) {
                throw new UserError(Problem.of(ProblemKind.WEIGHT_COUNT, "--f1", f1.length, out.f1().size()));
            }
            out = out.withF1(Values.of(f1));
        }
        if (f2 != null) {
            checkFinite("--f2", f2);
            if (out.kind() == LessonKind.LOOKUP || f2.length != out.vocabulary().size()) {
                throw new UserError(Problem.of(ProblemKind.WEIGHT_COUNT, "--f2", f2.length,
                        out.kind() == LessonKind.LOOKUP ? 0 : out.vocabulary().size()));
            }
            out = out.withF2(Values.of(f2));
        }
        if (prompt != null) {
            List<String> words = prompt.isBlank() ? List.of() : List.of(prompt.trim().split("\\s+"));
            for (String word : words) {
                if (out.vocabulary().indexOf(word).isEmpty()) {
                    throw new UserError(Problem.of(ProblemKind.WORD_NOT_IN_VOCABULARY, "--prompt", word).inSource(source));
                }
            }
            if (words.size() < out.contextLength()) {
                throw new UserError(Problem.of(ProblemKind.PROMPT_TOO_SHORT, "--prompt", words.size(), out.contextLength())
                        .inSource(source));
            }
            out = out.withPrompt(words);
        }
        return out;
    }

    long seedOr(long fallback) {
        return seed != null ? seed : fallback;
    }

    private static void checkFinite(String option, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new UserError(Problem.of(ProblemKind.NOT_FINITE, option + "[" + i + "]"));
            }
        }
    }

    static UserError bad(String option, String value, String allowed) {
        return new UserError(Problem.of(ProblemKind.BAD_CHOICE, option, value, allowed));
    }

    static UserError range(String option, String value, String expected) {
        return new UserError(Problem.of(ProblemKind.OUT_OF_RANGE, option, value, expected));
    }
}
