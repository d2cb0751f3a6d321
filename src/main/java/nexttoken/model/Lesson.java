package nexttoken.model;

import java.util.List;
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
    }

    /** A lesson without attention and without its word-stopping token, as parts 1 to 5 are. */
    public Lesson(String title, String language, String description, Vocabulary vocabulary, List<String> prompt,
                  InputKind input, Values f1, Values f2, Normalization normalization, double temperature, int topK,
                  double topP, Long seed, List<String> corpus) {
        this(title, language, description, vocabulary, prompt, input, f1, f2, normalization, temperature, topK, topP,
                seed, corpus, null, null);
    }

    /** A part-1 lesson has no f2: its f1 value is looked up as the nearest token id. */
    public boolean isLookup() {
        return f2 == null && attention == null;
    }

    public boolean isAttention() {
        return attention != null;
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
                normalization, temperature, topK, topP, seed, corpus, attention, endToken);
    }

    public Lesson withF2(Values weights) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, weights,
                normalization, temperature, topK, topP, seed, corpus, attention, endToken);
    }

    public Lesson withVocabulary(Vocabulary v) {
        return new Lesson(title, language, description, v, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, attention, endToken);
    }

    public Lesson withPrompt(List<String> words) {
        return new Lesson(title, language, description, vocabulary, words, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, attention, endToken);
    }

    public Lesson withNormalization(Normalization n) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                n, temperature, topK, topP, seed, corpus, attention, endToken);
    }

    public Lesson withTemperature(double t) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, t, topK, topP, seed, corpus, attention, endToken);
    }

    public Lesson withTopK(int k) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, k, topP, seed, corpus, attention, endToken);
    }

    public Lesson withTopP(double p) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, p, seed, corpus, attention, endToken);
    }

    public Lesson withSeed(Long s) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, s, corpus, attention, endToken);
    }

    public Lesson withAttention(Attention a) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, a, endToken);
    }

    public Lesson withEndToken(String token) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, corpus, attention, token);
    }

    public Lesson withCorpus(List<String> sentences) {
        return new Lesson(title, language, description, vocabulary, prompt, input, f1, f2,
                normalization, temperature, topK, topP, seed, sentences, attention, endToken);
    }
}
