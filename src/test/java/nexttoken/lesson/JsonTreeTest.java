package nexttoken.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JsonTree builds the tree ObjectMapper.readTree builds, node class by node class: the
 * lesson reader's checks (an integral id, a number that is too large, a string where a
 * number belongs) read those classes.
 */
public class JsonTreeTest {
    // A copy: an ObjectMapper made on a factory becomes that factory's codec.
    private static final ObjectMapper MAPPER = new ObjectMapper(LessonReader.JSON.copy());

    @Test
    void everyLessonFileOfTheProjectGivesTheMappersTree() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("assets/lessons", "src/test/resources")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
            }
        }
        assertTrue(files.size() > 40, "lesson files found: " + files.size());
        int parsed = 0;
        for (Path file : files) {
            if (sameAsMapper(Files.readAllBytes(file), file.toString())) {
                parsed++;
            }
        }
        assertTrue(parsed > 30, "files that parse: " + parsed);
    }

    @Test
    void numbersKeepTheMappersKinds() throws IOException {
        String json = "{\"int\": 7, \"negative\": -2147483648, \"long\": 2147483648, \"big\": 123456789012345678901234567890,"
                + " \"double\": 0.1, \"exponent\": 1e3, \"huge\": 1e400, \"zero\": -0.0, \"text\": \"el cielo\\u00e9s\","
                + " \"flags\": [true, false, null], \"empty\": {}, \"nested\": [[[]], {\"a\": [1.5]}]}";
        assertTrue(sameAsMapper(json.getBytes(StandardCharsets.UTF_8), "numbers"));
        JsonNode tree = read(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(tree.get("int").isInt());
        assertTrue(tree.get("negative").isInt());
        assertTrue(tree.get("long").isLong());
        assertTrue(tree.get("big").isBigInteger());
        assertTrue(tree.get("double").isDouble());
        assertEquals(Double.POSITIVE_INFINITY, tree.get("huge").doubleValue());
        assertEquals(List.of("int", "negative", "long", "big", "double", "exponent", "huge", "zero", "text", "flags",
                "empty", "nested"), names(tree));
    }

    @Test
    void brokenJsonFailsWhereTheMapperFails() {
        for (String json : List.of("{\"a\": 1,}", "{\"a\": NaN}", "{\"a\": 1, \"a\": 2}", "[1, 2", "{\"a\" 1}",
                "[".repeat(LessonFormat.MAX_DEPTH + 1) + "]".repeat(LessonFormat.MAX_DEPTH + 1), "\"unterminated")) {
            assertTrue(!sameAsMapper(json.getBytes(StandardCharsets.UTF_8), json), json);
        }
    }

    @Test
    void theEndOfTheInputIsNull() throws IOException {
        assertNull(read("   ".getBytes(StandardCharsets.UTF_8)));
        assertNotNull(read("0".getBytes(StandardCharsets.UTF_8)));
    }

    /** True when both parse to equal trees of the same node classes; false when both fail the same way. */
    private static boolean sameAsMapper(byte[] bytes, String name) {
        JsonNode expected;
        String expectedFailure = null;
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            expected = MAPPER.readTree(parser);
        } catch (IOException e) {
            expected = null;
            expectedFailure = failure(e);
        }
        JsonNode actual;
        String actualFailure = null;
        try {
            actual = read(bytes);
        } catch (IOException e) {
            actual = null;
            actualFailure = failure(e);
        }
        assertEquals(expectedFailure, actualFailure, name);
        if (expectedFailure != null || expected == null) {
            assertNull(actual, name);
            return false;
        }
        assertEquals(expected, actual, name);
        assertSameClasses(expected, actual, name);
        return true;
    }

    private static String failure(IOException e) {
        String where = e instanceof JsonProcessingException j && j.getLocation() != null
                ? j.getLocation().getLineNr() + ":" + j.getLocation().getColumnNr() : "";
        return e.getClass().getName() + " " + where + " " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
    }

    private static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = LessonReader.JSON.createParser(bytes)) {
            return JsonTree.read(parser);
        }
    }

    private static void assertSameClasses(JsonNode expected, JsonNode actual, String where) {
        assertEquals(expected.getClass(), actual.getClass(), where);
        if (expected.isObject()) {
            assertEquals(names(expected), names(actual), where);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                assertSameClasses(field.getValue(), actual.get(field.getKey()), where + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameClasses(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
