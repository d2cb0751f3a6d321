package nexttoken.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lesson: a vocabulary, a prompt and the weights of norm(f2(f1(x))) with its
 * decoding settings. Immutable; every setter returns a new lesson, which is what lets
 * the presenter undo and reset by keeping old lessons.
 *
 * @param f2 one weight per token, or null for a part-1 lesson whose f1 value is looked up as an id
 * @param f1 null for an attention lesson, whose weights are computed from the words
 * @param seed null when the lesson names none
 * @param attention the attention weights of parts 6 and 7 (then f1 and f2 are null), or null
 * @param endToken the token after which generation stops, or null
 */
public record Lesson(
        String title,
        String language,
        String description,
        Vocabulary vocabulary,
        List<String> prompt,
        InputKind input,
        Values f1,
        Values f2,
        Normalization normalization,
        double temperature,
        int topK,
        double topP,
        Long seed,
        List<String> corpus,
        Map<String, String> notes,
        Attention attention,
        String endToken) {

    public Lesson {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(input, "input");
        if (attention == null) {
            Objects.requireNonNull(f1, "f1");
        }
        Objects.requireNonNull(normalization, "normalization");
        prompt = List.copyOf(prompt);
        corpus = corpus == null ? List.of() : List.copyOf(corpus);
        // Insertion order is the file's order, which the writer keeps so a round trip gives the same bytes.
        notes = notes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** A lesson of parts 1 to 5 without teacher notes. */
    public Lesson(String title, String language, String description, Vocabulary vocabulary, List<String> prompt,
            InputKind input, Values f1, Values f2, Normalization normalization, double temperature, int topK,
            double topP, Long seed, List<String> corpus) {
        this(title, language, description, vocabulary, prompt, input, f1, f2, normalization, temperature, topK,
                topP, seed, corpus, Map.of(), null, null);
    }

    /** A lesson of parts 1 to 5: no attention, no end token. */
    public Lesson(String title, String language, String description, Vocabulary vocabulary, List<String> prompt,
            InputKind input, Values f1, Values f2, Normalization normalization, double temperature, int topK,
            double topP, Long seed, List<String> corpus, Map<String, String> notes) {
        this(title, language, description, vocabulary, prompt, input, f1, f2, normalization, temperature, topK,
                topP, seed, corpus, notes, null, null);
    }

    /** A part-1 lesson has no f2: its f1 value is looked up as the nearest token id. */
    public boolean isLookup() {
        return f2 == null && attention == null;
    }

    public boolean isAttention() {
        return attention != null;
    }

    /** What the teacher may say or ask at a step ({@code stepId} as in lesson files), or null. */
    public String note(String stepId) {
        return notes.get(stepId);
    }

    /** Which kind of lesson this is; every kind-dependent choice switches on it. */
    public LessonKind kind() {
        return LessonKind.of(this);
    }

    /** How many tokens of the prompt f1 reads: one weight per id, or per embedding dimension. */
    public int contextLength() {
        if (attention != null) {
            return attention.window();
        }
        if (input == InputKind.IDS) {
            return f1.size();
        }
        int d = vocabulary.embeddingLength();
        return d == 0 ? 0 : f1.size() / d;
    }

    public Lesson withF1(Values weights) {
        return new Lesson(title, language, description, vocabulary, prompt, input, weights, f2,
                normalization, temperature, topK, topP, seed, corpus, notes, attention, endToken);
    }

    public Lesson withF2(Values weights) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, weights,
                normalization, temperature, topK, topP, seed, corpus, notes, attention, endToken);
    }

    public Lesson withVocabulary(Vocabulary v) {
        return new Lesson(title, language, description, v, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, notes, attention, endToken);
    }

    public Lesson withPrompt(List<String> words) {
        return new Lesson(title, language, description, vocabulary, words, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, notes, attention, endToken);
    }

    public Lesson withNormalization(Normalization n) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                n, temperature, topK, topP, seed, corpus, notes, attention, endToken);
    }

    public Lesson withTemperature(double t) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, t, topK, topP, seed, corpus, notes, attention, endToken);
    }

    public Lesson withTopK(int k) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, k, topP, seed, corpus, notes, attention, endToken);
    }

    public Lesson withTopP(double p) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, p, seed, corpus, notes, attention, endToken);
    }

    public Lesson withSeed(Long s) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, s, corpus, notes, attention, endToken);
    }

    public Lesson withAttention(Attention a) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, notes, a, endToken);
    }

    public Lesson withEndToken(String token) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, notes, attention, token);
    }

    public Lesson withCorpus(List<String> sentences) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, sentences, notes, attention, endToken);
    }

    public Lesson withNotes(Map<String, String> stepNotes) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, stepNotes, attention, endToken);
    }

    /** One step's note replaced; an emptied note is no note, as in a file without it. */
    public Lesson withNote(String step, String text) {
        Map<String, String> replaced = new java.util.LinkedHashMap<>(notes());
        if (text == null || text.isBlank()) {
            replaced.remove(step);
        } else {
            replaced.put(step, text);
        }
        return withNotes(replaced);
    }
}
