package nexttoken.model;

import java.util.List;
import nexttoken.lesson.BuiltInLessons;

/** Lessons built in code for tests that need shapes the built-in lessons do not have. */
public final class LessonFixtures {
    private LessonFixtures() {
    }

    public static Lesson part(int n) {
        return BuiltInLessons.load("part" + n);
    }

    /** Seven tokens, 3-dimensional embeddings, a 2-token context: nothing like the posts. */
    public static Lesson sevenTokens() {
        List<String> tokens = List.of("a", "b", "c", "d", "e", "f", "g");
        int[] ids = {10, 20, 30, 40, 50, 60, 70};
        double[][] e = {
                {0.1, 0.2, 0.3}, {-0.5, 0.4, 0.0}, {1.0, -1.0, 0.5}, {0.0, 0.0, 1.0},
                {0.25, 0.75, -0.25}, {-1.0, 0.5, 0.5}, {0.3, 0.3, 0.3}};
        return new Lesson("seven", "en", null, Vocabulary.of(tokens, ids, e), List.of("a", "b", "c"),
                InputKind.EMBEDDINGS, Values.of(1, 2, 3, -1, 0.5, 2), Values.of(1, -1, 2, 0.5, 0, 3, -2),
                Normalization.SOFTMAX, 1.0, 0, 1.0, 1L, List.of("a b c d", "g f e"));
    }

    public static Lesson withLogits(double... logits) {
        List<String> tokens = new java.util.ArrayList<>();
        int[] ids = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            tokens.add("t" + i);
            ids[i] = i + 1;
        }
        // x = id of t0 = 1 and f1 = 1·1, so the logits are exactly f2's weights.
        return new Lesson("logits", "en", null, Vocabulary.of(tokens, ids, null), List.of("t0"), InputKind.IDS,
                Values.of(1.0), Values.of(logits), Normalization.SOFTMAX, 1.0, 0, 1.0, 7L, List.of());
    }
}
