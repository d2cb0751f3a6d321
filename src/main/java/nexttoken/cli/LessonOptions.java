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
            description = "A lesson file, or a built-in lesson id (part1 … part7, part1-en … part7-en, cl100k, o200k). Default: ${DEFAULT-VALUE}.")
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

    /** --language when it is one the bundles have, else the system's: see {@link Cli#interfaceLanguage}. */
    Locale interfaceLanguage() {
        if ("es".equals(language) || "en".equals(language)) {
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
        var opened = nexttoken.lesson.LessonSource.open(lesson, language == null ? null : interfaceLanguage(),
                interfaceLanguage(), "--lesson");
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
            checkFinite("--temperature", temperature);
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
            checkFinite("--top-p", topP);
            if (!(topP > 0 && topP <= 1)) {
                throw range("--top-p", NumberText.plain(topP), "0 < p ≤ 1");
            }
            out = out.withTopP(topP);
        }
        if (seed != null) {
            out = out.withSeed(seed);
        }
        if (out.kind() == LessonKind.ATTENTION && (f1 != null || f2 != null)) {
            throw new UserError(Problem.of(ProblemKind.ATTENTION_WEIGHT_OPTION, f1 != null ? "--f1" : "--f2"));
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
            if (out.kind() == LessonKind.ATTENTION && words.isEmpty()) {
                throw new UserError(Problem.of(ProblemKind.PROMPT_EMPTY, "--prompt").inSource(source));
            }
            if (out.kind() != LessonKind.ATTENTION && words.size() < out.contextLength()) {
                throw new UserError(Problem.of(ProblemKind.PROMPT_TOO_SHORT, "--prompt", words.size(), out.contextLength())
                        .inSource(source));
            }
            out = out.withPrompt(words);
        }
        return out;
    }

    /**
     * What to say on stderr about options given that cannot change this run, or null: a
     * part-1 lesson has no probabilities to shape, --greedy takes the top token whatever
     * they are, and norm cancels the temperature out. The run itself goes ahead.
     */
    String ignoredWarning(Lesson applied, boolean greedy, Locale locale) {
        java.util.Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("--normalization", normalization);
        given.put("--temperature", temperature);
        given.put("--top-k", topK);
        given.put("--top-p", topP);
        given.put("--seed", seed);
        String key;
        if (applied.kind() == LessonKind.LOOKUP) {
            key = "cli.ignored.lookup";
        } else if (greedy) {
            key = "cli.ignored.greedy";
            given.remove("--normalization");
        } else if (applied.normalization() == Normalization.NORM) {
            key = "cli.ignored.norm";
            given.keySet().retainAll(List.of("--temperature"));
        } else {
            return null;
        }
        List<String> ignored = given.entrySet().stream().filter(e -> e.getValue() != null).map(java.util.Map.Entry::getKey).toList();
        if (ignored.isEmpty()) {
            return null;
        }
        nexttoken.report.Messages m = new nexttoken.report.Messages(locale);
        String names = ignored.size() == 1 ? ignored.get(0)
                : String.join(", ", ignored.subList(0, ignored.size() - 1)) + m.get("cli.and") + ignored.get(ignored.size() - 1);
        return "warning: " + source + ": " + m.format(key, names, ignored.size(), source);
    }

    long seedOr(long fallback) {
        return seed != null ? seed : fallback;
    }

    private static void checkFinite(String option, double[] values) {
        for (int i = 0; i < values.length; i++) {
            checkFinite(option + "[" + i + "]", values[i]);
        }
    }

    /** NaN is not a number at all; only an infinity (1e999) is one too large for a double. */
    static void checkFinite(String option, double value) {
        if (Double.isNaN(value)) {
            throw new UserError(Problem.of(ProblemKind.NOT_A_NUMBER, option));
        }
        if (Double.isInfinite(value)) {
            throw new UserError(Problem.of(ProblemKind.NOT_FINITE, option));
        }
    }

    static UserError bad(String option, String value, String allowed) {
        return new UserError(Problem.of(ProblemKind.BAD_CHOICE, option, value, allowed));
    }

    static UserError range(String option, String value, String expected) {
        return new UserError(Problem.of(ProblemKind.OUT_OF_RANGE, option, value, expected));
    }
}
