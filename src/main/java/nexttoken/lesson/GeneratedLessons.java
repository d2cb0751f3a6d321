package nexttoken.lesson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nexttoken.model.InputKind;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Problem;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;
import nexttoken.tokenizer.RealTokenizer;

/**
 * Lessons with a real tokenizer's whole vocabulary (cl100k_base, 100,261 tokens; o200k_base,
 * 200,000 tokens): the tokens and ids are real; f2's weights and the 2D embeddings are drawn
 * from a seed, and the lesson's description says so. Each is built on first use and kept (it
 * is immutable).
 */
public final class GeneratedLessons {
    public static final String CL100K_ID = "cl100k";
    public static final String O200K_ID = "o200k";
    /** The generated lessons, in the order the picker and `lessons` list them. */
    public static final List<String> IDS = List.of(CL100K_ID, O200K_ID);
    /** cl100k's seed is its count of ordinary tokens (100,256), o200k's likewise (199,998). */
    static final long SEED = 100_256;
    static final long O200K_SEED = 199_998;

    /** What a generated lesson is built from: the tokenizer whose vocabulary it takes, and the seed of its weights. */
    private record Source(RealTokenizer.Kind kind, long seed) {
    }

    private static final Map<String, Source> SOURCES = Map.of(
            CL100K_ID, new Source(RealTokenizer.Kind.CL100K, SEED),
            O200K_ID, new Source(RealTokenizer.Kind.O200K, O200K_SEED));
    /** Each lesson built once, on first use, and kept: it is immutable, and building it takes a second. */
    private static final Map<String, Lesson> BUILT = new ConcurrentHashMap<>();

    private GeneratedLessons() {
    }

    public static boolean isGenerated(String id) {
        return IDS.contains(id);
    }

    /** The generated lesson {@code id} with its title and description in {@code locale}'s language. */
    public static Optional<Lesson> find(String id, Locale locale) {
        Source source = SOURCES.get(id);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(titled(BUILT.computeIfAbsent(id, k -> build(source.kind(), source.seed())), id, locale));
    }

    public static Lesson cl100k(Locale locale) {
        return find(CL100K_ID, locale).orElseThrow();
    }

    public static Lesson o200k(Locale locale) {
        return find(O200K_ID, locale).orElseThrow();
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(Problem.BUNDLE, Problem.supported(locale));
    }

    private static Lesson titled(Lesson base, String id, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        return new Lesson(bundle.getString("lesson." + id + ".title"), locale.getLanguage(),
                bundle.getString("lesson." + id + ".description"), base.vocabulary(), base.prompt(), base.input(), base.f1(),
                base.f2(), base.normalization(), base.temperature(), base.topK(), base.topP(), base.seed(), base.corpus());
    }

    private static Lesson build(RealTokenizer.Kind kind, long seed) {
        List<RealTokenizer.Piece> pieces = RealTokenizer.vocabulary(kind);
        int n = pieces.size();
        List<String> tokens = new ArrayList<>(n);
        int[] ids = new int[n];
        double[][] embeddings = new double[n][2];
        double[] f2 = new double[n];
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            String text = pieces.get(i).text();
            // Two ids can read alike once spaces are made visible; the id keeps them apart.
            if (text.isEmpty() || !seen.add(text)) {
                text = text + "#" + pieces.get(i).id();
                seen.add(text);
            }
            tokens.add(text);
            ids[i] = pieces.get(i).id();
            embeddings[i][0] = Math.round(random.nextGaussian() * 0.5 * 1000) / 1000.0;
            embeddings[i][1] = Math.round(random.nextGaussian() * 0.5 * 1000) / 1000.0;
            f2[i] = Math.round(random.nextGaussian() * 1000) / 1000.0;
        }
        List<String> prompt = RealTokenizer.encode("The sky is", kind).stream().map(RealTokenizer.Piece::text).toList();
        return new Lesson(null, "en", null, Vocabulary.of(tokens, ids, embeddings), prompt, InputKind.EMBEDDINGS,
                Values.of(1.0, 0.5, 1.5, 1.0, 0.5, 1.5), Values.of(f2), Normalization.SOFTMAX, 1.0, 0, 1.0, seed, List.of());
    }
}
