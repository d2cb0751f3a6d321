package nexttoken.lesson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.Set;
import nexttoken.model.InputKind;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Problem;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;
import nexttoken.tokenizer.RealTokenizer;

/**
 * A lesson with a real tokenizer's whole vocabulary (cl100k_base, 100,256 tokens): the
 * tokens and ids are real; f2's weights and the 2D embeddings are drawn from a seed, and
 * the lesson's description says so. Built on first use and kept (it is immutable).
 */
public final class GeneratedLessons {
    public static final String CL100K_ID = "cl100k";
    static final long SEED = 100_256;

    private static volatile Lesson cl100k;

    private GeneratedLessons() {
    }

    public static Lesson cl100k(Locale locale) {
        Lesson base = cl100k;
        if (base == null) {
            synchronized (GeneratedLessons.class) {
                if (cl100k == null) {
                    cl100k = build();
                }
                base = cl100k;
            }
        }
        ResourceBundle bundle = ResourceBundle.getBundle(Problem.BUNDLE, Problem.supported(locale));
        return new Lesson(bundle.getString("lesson.cl100k.title"), locale.getLanguage(),
                bundle.getString("lesson.cl100k.description"), base.vocabulary(), base.prompt(), base.input(), base.f1(),
                base.f2(), base.normalization(), base.temperature(), base.topK(), base.topP(), base.seed(), base.corpus());
    }

    private static Lesson build() {
        List<RealTokenizer.Piece> pieces = RealTokenizer.vocabulary(RealTokenizer.Kind.CL100K);
        int n = pieces.size();
        List<String> tokens = new ArrayList<>(n);
        int[] ids = new int[n];
        double[][] embeddings = new double[n][2];
        double[] f2 = new double[n];
        Random random = new Random(SEED);
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
        List<String> prompt = RealTokenizer.encode("The sky is", RealTokenizer.Kind.CL100K).stream()
                .map(RealTokenizer.Piece::text).toList();
        return new Lesson(null, "en", null, Vocabulary.of(tokens, ids, embeddings), prompt, InputKind.EMBEDDINGS,
                Values.of(1.0, 0.5, 1.5, 1.0, 0.5, 1.5), Values.of(f2), Normalization.SOFTMAX, 1.0, 0, 1.0, SEED, List.of());
    }
}
