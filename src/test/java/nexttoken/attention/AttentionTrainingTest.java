package nexttoken.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import nexttoken.lesson.LessonReader;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.AttentionParameters;
import nexttoken.model.AttentionTraining;
import nexttoken.model.Lesson;
import nexttoken.model.Training;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient of every trainable number against central differences of the reference's
 * loss (the lesson written out by LessonWriter and read back by {@link AttentionReference}),
 * and {@code train} against gradient descent done by hand with those differences.
 */
class AttentionTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EPSILON = 1e-6;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("two heads, W_O, learned positions, feed-forward, f2 rows",
                        new RandomAttentionLessons.Shape(5, 2, 3, "learned", new int[][] {{2, 2}, {1, 1}}, true, true, 3,
                                false, 3)),
                Arguments.of("tied f2 (embeddings get both gradients), d = 3, sinusoidal, three heads",
                        new RandomAttentionLessons.Shape(4, 3, 2, "sinusoidal", new int[][] {{1, 1}, {2, 1}, {1, 1}},
                                false, true, 2, true, 2)),
                Arguments.of("no residual, no positions, one head",
                        new RandomAttentionLessons.Shape(6, 2, 4, "none", new int[][] {{3, 2}}, false, false, 0, false, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyGradientMatchesCentralDifferencesOfTheReferenceLoss(String name, RandomAttentionLessons.Shape shape) {
        for (long seed = 1; seed <= 4; seed++) {
            Lesson lesson = read(RandomAttentionLessons.lesson(shape, seed));
            Training.Pairs pairs = AttentionTraining.pairs(lesson);
            AttentionTraining.Gradient g = AttentionTraining.gradient(lesson, pairs.pairs());
            double[] theta = AttentionParameters.flatten(lesson);
            assertEquals(AttentionParameters.size(lesson), g.values().length);
            assertEquals(referenceLoss(lesson), g.loss(), 1e-12, name);
            for (int i = 0; i < theta.length; i++) {
                double numeric = centralDifference(lesson, theta, i);
                double analytic = g.values()[i];
                String where = name + ", seed " + seed + ", " + AttentionParameters.field(lesson, i) + " #" + i;
                assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric), where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void trainTakesExactGradientDescentSteps(String name, RandomAttentionLessons.Shape shape) {
        Lesson lesson = read(RandomAttentionLessons.lesson(shape, 7));
        double rate = 0.3;
        Lesson byHand = lesson;
        double[] expectedLosses = new double[4];
        for (int step = 0; step < 3; step++) {
            expectedLosses[step] = referenceLoss(byHand);
            double[] theta = AttentionParameters.flatten(byHand);
            double[] next = theta.clone();
            for (int i = 0; i < theta.length; i++) {
                next[i] = theta[i] - rate * centralDifference(byHand, theta, i);
            }
            byHand = AttentionParameters.unflatten(byHand, next);
        }
        expectedLosses[3] = referenceLoss(byHand);
        Training.Run run = Training.train(lesson, 3, rate);
        assertNull(run.problem());
        for (int step = 0; step < 4; step++) {
            assertEquals(expectedLosses[step], run.losses().get(step), 1e-9, name + ": loss after " + step + " steps");
        }
        assertTrue(run.losses().get(3) < run.losses().get(0), name + ": the loss falls");
        double[] trained = AttentionParameters.flatten(run.lesson());
        double[] expected = AttentionParameters.flatten(byHand);
        for (int i = 0; i < trained.length; i++) {
            assertEquals(expected[i], trained[i], 1e-8, name + ": " + AttentionParameters.field(lesson, i) + " #" + i);
        }
    }

    private static double centralDifference(Lesson lesson, double[] theta, int i) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[i] += EPSILON;
        minus[i] -= EPSILON;
        return (referenceLoss(AttentionParameters.unflatten(lesson, plus))
                - referenceLoss(AttentionParameters.unflatten(lesson, minus))) / (2 * EPSILON);
    }

    private static double referenceLoss(Lesson lesson) {
        try {
            JsonNode written = JSON.readTree(LessonWriter.toJson(lesson));
            return AttentionReference.meanLoss(written);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Lesson read(String json) {
        LessonReader.Result read = LessonReader.read(json.getBytes(StandardCharsets.UTF_8), "random.json");
        assertTrue(read.ok(), () -> read.problems().toString());
        return read.lesson();
    }
}
