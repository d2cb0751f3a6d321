package nexttoken.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import nexttoken.lesson.LessonReader;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.Attention;
import nexttoken.model.Lesson;
import nexttoken.model.LessonKind;
import nexttoken.model.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attention fields of a lesson file: read, checked against each other, written back atomically. */
class AttentionLessonFileTest {

    private static LessonReader.Result read(String json) {
        return LessonReader.read(json.getBytes(StandardCharsets.UTF_8), "mine.json");
    }

    @Test
    void everyFieldRoundTripsThroughTheWriterByteForByte(@TempDir Path dir) throws IOException {
        RandomAttentionLessons.Shape[] shapes = {
            new RandomAttentionLessons.Shape(4, 3, 3, "learned", new int[][] {{2, 1}, {1, 2}}, true, false, 2, false, 2),
            new RandomAttentionLessons.Shape(5, 2, 2, "sinusoidal", new int[][] {{1, 2}}, false, true, 0, true, 3),
            new RandomAttentionLessons.Shape(3, 2, 1, "none", new int[][] {{3, 1}, {1, 1}}, false, true, 4, true, 1),
        };
        for (RandomAttentionLessons.Shape shape : shapes) {
            LessonReader.Result first = read(RandomAttentionLessons.lesson(shape, 3));
            assertTrue(first.ok(), () -> first.problems().toString());
            Lesson lesson = first.lesson().withEndToken("w0");
            assertEquals(LessonKind.ATTENTION, lesson.kind());
            Path file = dir.resolve("lesson.json");
            LessonWriter.write(lesson, file);
            Lesson again = LessonReader.read(file).lesson();
            assertEquals(lesson, again, shape.toString());
            assertEquals(Files.readString(file), LessonWriter.toJson(again), "writing what was read gives the same bytes");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.count(), "no temporary file left behind");
            }
        }
    }

    @Test
    void defaultsAreNoPositionsAndAResidual() {
        String json = RandomAttentionLessons.lesson(
                new RandomAttentionLessons.Shape(3, 2, 2, "none", new int[][] {{2, 2}}, false, true, 0, true, 2), 1)
                .replace("\"positions\" : \"none\",", "").replace(",\n    \"residual\" : true", "");
        LessonReader.Result r = read(json);
        assertTrue(r.ok(), () -> r.problems().toString());
        Attention a = r.lesson().attention();
        assertEquals(Attention.Positions.NONE, a.positions());
        assertTrue(a.residual());
        assertNull(a.output(), "one head of d value columns: W_O is the identity");
        assertNull(r.lesson().f1());
    }

    @Test
    void everyShapeProblemIsCollectedAndNamesItsField() {
        String json = RandomAttentionLessons.lesson(
                new RandomAttentionLessons.Shape(3, 2, 2, "learned", new int[][] {{2, 2}, {2, 2}}, true, true, 2, false, 2), 1)
                .replace("\"window\" : 2", "\"window\" : 3");
        LessonReader.Result r = read(json);
        assertFalse(r.ok());
        assertEquals(ProblemKind.ROWS_WINDOW, r.firstProblem().kind());
        assertEquals("mine.json: positions has 2 rows, expected 3 (the window)", r.firstProblem().describe(Locale.ENGLISH));
        assertEquals("mine.json: positions tiene 2 filas, se esperaban 3 (la ventana)",
                r.firstProblem().describe(Locale.forLanguageTag("es")));
    }

    @Test
    void aHundredThousandTokenTiedLessonIsAnAttentionLessonLikeAnyOther() {
        Lesson big = nexttoken.bench.AttentionBenchLessons.tied(100_000);
        assertEquals(LessonKind.ATTENTION, big.kind());
        assertTrue(big.attention().tied());
        assertEquals(100_000, nexttoken.model.Composition.compute(big).f2().logits().size());
    }
}
