package nexttoken.lesson;

import java.util.List;

/** The names of {@code nexttoken-lesson/1}, shared by the reader and the writer so they cannot drift apart. */
public final class LessonFormat {
    public static final String FORMAT = "nexttoken-lesson/1";

    /** Top-level fields in the order the writer puts them. */
    public static final List<String> FIELDS = List.of(
            "format", "title", "language", "description", "vocabulary", "prompt", "input",
            "window", "positions", "attention", "feedForward",
            "f1", "f2", "normalization", "temperature", "topK", "topP", "seed", "endToken", "corpus", "notes");

    /** The fields of an attention lesson's {@code attention} object, of one head, and of {@code feedForward}. */
    public static final List<String> ATTENTION_FIELDS = List.of("heads", "output", "residual");
    public static final List<String> HEAD_FIELDS = List.of("query", "key", "value");
    public static final List<String> FEED_FORWARD_FIELDS = List.of("weights1", "bias1", "weights2", "bias2");
    /** {@code f2} of an attention lesson may name the embeddings instead of listing rows. */
    public static final String TIED = "tied";

    /**
     * The step ids a lesson's {@code "notes"} may name, in the order the steps come; a new
     * kind of step (attention) adds its ids here and nowhere else.
     */
    public static final List<String> NOTE_STEPS = List.of(
            "tokens", "x", "f1", "f2", "lookup", "normalize", "filter", "sample", "append",
            "positions", "attention", "heads", "feedForward");

    public static final List<String> TOKEN_FIELDS = List.of("token", "id", "embedding");

    /**
     * 200,000-token lessons are about 15 MB; twice that leaves room for long decimals
     * while a 50 MB file mailed by mistake is refused before it is parsed.
     */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    /** A lesson nests three levels deep; this leaves room and stops a file of [[[[… at once. */
    public static final int MAX_DEPTH = 16;

    public static final int MAX_TOKENS = 250_000;

    /** An attention map has window² cells; a classroom prompt is a sentence, not a book. */
    public static final int MAX_WINDOW = 1_024;

    private LessonFormat() {
    }
}
