package nexttoken.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import nexttoken.model.Composition;
import nexttoken.model.Lesson;
import nexttoken.model.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LessonReaderTest {

    static final String VALID = LessonReaderTestSupport.VALID;

    static LessonReader.Result read(String json) {
        return LessonReader.read(json.getBytes(StandardCharsets.UTF_8), "mine.json");
    }

    @Test
    void theContractExampleReadsAndReproducesPart3() {
        LessonReader.Result r = read(VALID);
        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(0.49815094466940824, Composition.compute(r.lesson()).normalization().probabilities().get(0));
    }

    @Test
    void everyBuiltInLessonLoadsAndRoundTripsByteForByte() throws IOException {
        for (String id : BuiltInLessons.fileIds()) {
            byte[] original;
            try (InputStream in = getClass().getResourceAsStream("/nexttoken/assets/lessons/" + id + ".json")) {
                original = in.readAllBytes();
            }
            Lesson lesson = BuiltInLessons.load(id);
            String written = LessonWriter.toJson(lesson);
            assertEquals(new String(original, StandardCharsets.UTF_8), written, id);
            assertEquals(lesson, read(written).lesson(), id);
        }
    }

    @Test
    void writingIsAtomicAndReadsBack(@TempDir Path dir) throws IOException {
        Lesson lesson = read(VALID).lesson();
        Path file = dir.resolve("out.json");
        LessonWriter.write(lesson, file);
        assertEquals(lesson, LessonReader.read(file).lesson());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aPromptMayBeOneString() {
        LessonReader.Result r = read(VALID.replace("\"prompt\": [\"el\", \"cielo\", \"es\"]", "\"prompt\": \"el cielo es\""));
        assertTrue(r.ok());
        assertEquals(java.util.List.of("el", "cielo", "es"), r.lesson().prompt());
    }

    static Stream<Arguments> brokenLessons() {
        return Stream.of(
                Arguments.of("truncated", VALID.substring(0, 200), ProblemKind.JSON_SYNTAX, null,
                        "broken JSON at line 7"),
                Arguments.of("empty", "  \n", ProblemKind.FILE_EMPTY, null, "empty"),
                Arguments.of("array", "[1, 2]", ProblemKind.NOT_AN_OBJECT, "", "JSON object"),
                Arguments.of("misspelt", VALID.replace("\"temperature\"", "\"temprature\""),
                        ProblemKind.UNKNOWN_FIELD_SUGGESTION, "temprature", "did you mean \"temperature\"?"),
                Arguments.of("unknown", VALID.replace("\"seed\": 42", "\"colour\": 42"),
                        ProblemKind.UNKNOWN_FIELD, "colour", "unknown field \"colour\""),
                Arguments.of("format", VALID.replace("nexttoken-lesson/1", "nexttoken-lesson/9"),
                        ProblemKind.UNSUPPORTED_FORMAT, "format", "expected \"nexttoken-lesson/1\""),
                Arguments.of("no vocabulary", VALID.replaceAll("(?s)\"vocabulary\": \\[.*?\\],\\s*\"prompt\"", "\"prompt\""),
                        ProblemKind.MISSING_FIELD, "vocabulary", "vocabulary is missing"),
                Arguments.of("empty vocabulary", VALID.replaceAll("(?s)\"vocabulary\": \\[.*?\\],", "\"vocabulary\": [],"),
                        ProblemKind.EMPTY_VOCABULARY, "vocabulary", "empty"),
                Arguments.of("embedding length", VALID.replace("[0.3, -0.6]", "[0.3, -0.6, 0.1]"),
                        ProblemKind.EMBEDDING_LENGTH, "vocabulary[3].embedding", "vocabulary[3].embedding has 3 numbers, expected 2"),
                Arguments.of("duplicate token", VALID.replace("\"token\": \"es\"", "\"token\": \"el\""),
                        ProblemKind.DUPLICATE_TOKEN, "vocabulary[4].token", "first at vocabulary[3]"),
                Arguments.of("duplicate id", VALID.replace("\"id\": 698", "\"id\": 227"),
                        ProblemKind.DUPLICATE_ID, "vocabulary[4].id", "227 is used twice"),
                Arguments.of("id type", VALID.replace("\"id\": 350", "\"id\": \"350\""),
                        ProblemKind.WRONG_TYPE, "vocabulary[1].id", "vocabulary[1].id must be a whole number"),
                Arguments.of("fractional id", VALID.replace("\"id\": 350", "\"id\": 350.5"),
                        ProblemKind.WRONG_TYPE, "vocabulary[1].id", "whole number"),
                Arguments.of("weight type", VALID.replace("[2.5, 0.7, 2.0, 0.2, 0.5]", "[2.5, \"0.7\", 2.0, 0.2, 0.5]"),
                        ProblemKind.WRONG_TYPE, "f2[1]", "f2[1] must be a number"),
                Arguments.of("f2 length", VALID.replace("[2.5, 0.7, 2.0, 0.2, 0.5]", "[2.5, 0.7, 2.0]"),
                        ProblemKind.F2_LENGTH, "f2", "f2 has 3 weights, expected one per vocabulary token (5)"),
                Arguments.of("f1 length", VALID.replace("[1, 0.5, 1.5, 1, 0.5, 1.5]", "[1, 0.5, 1.5, 1, 0.5]"),
                        ProblemKind.F1_LENGTH_EMBEDDINGS, "f1", "not a multiple of the embedding length 2"),
                Arguments.of("infinite", VALID.replace("\"temperature\": 1.0", "\"temperature\": 1e999"),
                        ProblemKind.NOT_FINITE, "temperature", "not a finite number"),
                Arguments.of("NaN", VALID.replace("\"temperature\": 1.0", "\"temperature\": NaN"),
                        ProblemKind.JSON_NOT_A_NUMBER, null, "line 17"),
                Arguments.of("negative temperature", VALID.replace("\"temperature\": 1.0", "\"temperature\": -1"),
                        ProblemKind.OUT_OF_RANGE, "temperature", "temperature is -1.0, expected T ≥ 0"),
                Arguments.of("topP zero", VALID.replace("\"topP\": 1.0", "\"topP\": 0"),
                        ProblemKind.OUT_OF_RANGE, "topP", "0 < p ≤ 1"),
                Arguments.of("topK negative", VALID.replace("\"topK\": 0", "\"topK\": -2"),
                        ProblemKind.OUT_OF_RANGE, "topK", "k ≥ 0"),
                Arguments.of("normalization", VALID.replace("\"softmax\"", "\"sigmoid\""),
                        ProblemKind.BAD_CHOICE, "normalization", "expected one of: norm, softmax"),
                Arguments.of("input", VALID.replace("\"input\": \"embeddings\"", "\"input\": \"pixels\""),
                        ProblemKind.BAD_CHOICE, "input", "ids, embeddings"),
                Arguments.of("word", VALID.replace("[\"el\", \"cielo\", \"es\"]", "[\"el\", \"cielo\", \"rojo\"]"),
                        ProblemKind.WORD_NOT_IN_VOCABULARY, "prompt[2]", "prompt[2] \"rojo\" is not in the vocabulary"),
                Arguments.of("short prompt", VALID.replace("[\"el\", \"cielo\", \"es\"]", "[\"cielo\", \"es\"]"),
                        ProblemKind.PROMPT_TOO_SHORT, "prompt", "prompt has 2 words but the model reads 3"),
                Arguments.of("corpus word", VALID.replace("el cielo es frío", "el cielo es gris"),
                        ProblemKind.WORD_NOT_IN_VOCABULARY, "corpus[1]", "\"gris\""),
                Arguments.of("partial embeddings", VALID.replace(", \"embedding\": [0.8, -0.1]", ""),
                        ProblemKind.EMBEDDINGS_PARTIAL, "vocabulary[1].embedding", "every token has an embedding or none"),
                Arguments.of("embeddings input without embeddings", VALID.replaceAll(", \"embedding\": \\[[^]]*\\]", ""),
                        ProblemKind.EMBEDDINGS_MISSING, "vocabulary", "no token has an embedding"),
                Arguments.of("duplicate key", VALID.replace("\"topK\": 0,", "\"topK\": 0, \"topK\": 1,"),
                        ProblemKind.JSON_SYNTAX, null, "Duplicate field 'topK'"),
                Arguments.of("deep", "{\"format\": " + "[".repeat(200) + "]".repeat(200) + "}",
                        ProblemKind.JSON_TOO_DEEP, null, "deeper than 16 levels"),
                Arguments.of("token entry unknown field", VALID.replace("\"id\": 227", "\"idd\": 227"),
                        ProblemKind.UNKNOWN_FIELD_SUGGESTION, "vocabulary[0].idd", "did you mean \"id\"?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLessons")
    void eachBrokenLessonGetsOneClearMessage(String name, String json, ProblemKind kind, String field, String text) {
        LessonReader.Result r = read(json);
        assertFalse(r.ok(), name);
        assertEquals(kind, r.firstProblem().kind(), () -> r.problems().toString());
        if (field != null) {
            assertEquals(field, r.firstProblem().field());
        }
        String message = r.firstProblem().describe(Locale.ENGLISH);
        assertTrue(message.startsWith("mine.json: "), message);
        assertTrue(message.contains(text), message);
        assertFalse(message.contains("\n"), message);
        String spanish = r.firstProblem().describe(Locale.forLanguageTag("es"));
        assertFalse(spanish.equals(message) && kind != ProblemKind.JSON_SYNTAX, "Spanish message exists: " + spanish);
    }

    @Test
    void invalidUtf8IsReportedWithItsPlace() {
        byte[] bytes = VALID.replace("Parte 3", "Parte \u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 1) {
                bytes[i] = (byte) 0xFF;
            }
        }
        LessonReader.Result r = LessonReader.read(bytes, "mine.json");
        assertEquals(ProblemKind.JSON_SYNTAX, r.firstProblem().kind());
        assertTrue(r.firstProblem().describe(Locale.ENGLISH).contains("line 3"), r.firstProblem().describe(Locale.ENGLISH));
    }

    @Test
    void missingFileAndTooLargeFile(@TempDir Path dir) throws IOException {
        assertEquals(ProblemKind.FILE_NOT_FOUND, LessonReader.read(dir.resolve("nope.json")).firstProblem().kind());
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 33; i++) {
                out.write(chunk);
            }
        }
        LessonReader.Result r = LessonReader.read(big);
        assertEquals(ProblemKind.FILE_TOO_LARGE, r.firstProblem().kind());
        assertTrue(r.firstProblem().describe(Locale.ENGLISH).contains("big.json: the file is 33 MB"));
    }

    @Test
    void allProblemsAreCollectedNotJustTheFirst() {
        String json = VALID.replace("\"temperature\": 1.0", "\"temperature\": -1").replace("\"topK\": 0", "\"topK\": -1");
        assertEquals(2, read(json).problems().size());
    }
}
