package nexttoken.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import nexttoken.lesson.LessonReader;
import nexttoken.model.AttentionStep;
import nexttoken.model.Composition;
import nexttoken.model.Lesson;
import nexttoken.model.Matrix;
import nexttoken.model.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attention lessons the model was not designed for, traced by the app's model and by
 * {@link AttentionReference}: every number must be the same double. Both sum in index
 * order and both call Math.exp, Math.sqrt, Math.sin and Math.cos, so no tolerance is needed.
 */
class AttentionReferenceTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                // Three heads of one value column each: their outputs make d = 3, so no W_O. Learned
                // positions, a feed-forward step, a prompt longer than the window.
                Arguments.of("three heads, learned positions, feed-forward, d = 3, prompt > window",
                        new RandomAttentionLessons.Shape(6, 3, 3, "learned", new int[][] {{2, 1}, {1, 1}, {3, 1}},
                                false, true, 4, true, 5)),
                Arguments.of("two heads with W_O, sinusoidal, f2 rows, no residual, prompt < window",
                        new RandomAttentionLessons.Shape(5, 2, 4, "sinusoidal", new int[][] {{3, 2}, {2, 2}},
                                true, false, 0, false, 2)),
                Arguments.of("one head, no positions, feed-forward, d = 3, one-word prompt",
                        new RandomAttentionLessons.Shape(7, 3, 2, "none", new int[][] {{2, 3}}, false, true, 2,
                                false, 1)),
                Arguments.of("four heads, d = 4, sinusoidal, W_O, feed-forward, tied, prompt = window",
                        new RandomAttentionLessons.Shape(8, 4, 4, "sinusoidal", new int[][] {{1, 1}, {2, 2}, {1, 3}, {4, 1}},
                                true, true, 3, true, 4)),
                Arguments.of("long window of learned positions, prompt of 9",
                        new RandomAttentionLessons.Shape(4, 2, 6, "learned", new int[][] {{2, 2}}, false, true, 0,
                                true, 9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyNumberIsTheReferencesToTheLastBit(String name, RandomAttentionLessons.Shape shape) {
        for (long seed = 1; seed <= 25; seed++) {
            String json = RandomAttentionLessons.lesson(shape, seed);
            LessonReader.Result read = LessonReader.read(json.getBytes(StandardCharsets.UTF_8), "random.json");
            assertTrue(read.ok(), () -> read.problems().toString());
            Lesson lesson = read.lesson();
            Trace t = Composition.compute(lesson);
            assertNull(t.problem(), () -> String.valueOf(t.problem()));
            AttentionReference.Result ref = AttentionReference.run(json, lesson.prompt());
            String at = name + ", seed " + seed;
            AttentionStep a = t.attention();
            assertEquals(Math.min(shape.window(), shape.promptLength()), a.length(), at);
            assertRows(ref.x(), a.inputs(), at + ": x");
            if (shape.positions().equals("none")) {
                assertNull(a.positions(), at);
            } else {
                assertRows(ref.pe(), a.positions(), at + ": PE");
            }
            for (int h = 0; h < ref.heads().size(); h++) {
                AttentionReference.Head expected = ref.heads().get(h);
                AttentionStep.HeadStep actual = a.heads().get(h);
                assertRows(expected.q(), actual.queries(), at + ": q of head " + h);
                assertRows(expected.k(), actual.keys(), at + ": k of head " + h);
                assertRows(expected.v(), actual.values(), at + ": v of head " + h);
                for (int i = 0; i < a.length(); i++) {
                    assertArrayEquals(expected.scores()[i], actual.scores().get(i).toArray(), at + ": scores row " + i);
                    assertArrayEquals(expected.weights()[i], actual.weights().get(i).toArray(), at + ": weights row " + i);
                    assertArrayEquals(expected.outs()[i], actual.output(i).toArray(), at + ": output of word " + i
                            + ", head " + h);
                }
                assertArrayEquals(expected.out(), actual.output().toArray(), at + ": output of head " + h);
            }
            assertArrayEquals(ref.attentionOutput(), a.output().toArray(), at + ": attention output");
            assertArrayEquals(ref.r(), a.residual().toArray(), at + ": r");
            if (shape.hidden() > 0) {
                assertArrayEquals(ref.hidden(), a.feedForward().hidden().toArray(), at + ": u");
                assertArrayEquals(ref.ffOutput(), a.feedForward().output().toArray(), at + ": f");
            }
            assertArrayEquals(ref.h(), a.h().toArray(), at + ": h");
            assertArrayEquals(ref.logits(), t.f2().logits().toArray(), at + ": logits");
            assertArrayEquals(ref.probabilities(), t.normalization().probabilities().toArray(), at + ": probabilities");
        }
    }

    private static void assertRows(double[][] expected, Matrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual.row(r), what + " row " + r);
        }
    }

}
