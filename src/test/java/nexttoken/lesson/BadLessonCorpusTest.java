package nexttoken.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nexttoken.cli.CliAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of src/test/resources/nexttoken/bad-lessons: exit 2 and exactly one
 * {@code error:} line naming the file and the field, the same sentence the app shows.
 */
public class BadLessonCorpusTest {

    public record Case(Path file, String fragment) {
    }

    public static List<Case> corpus() {
        try {
            Path dir = Path.of(BadLessonCorpusTest.class.getResource("/nexttoken/bad-lessons/expected.tsv").toURI()).getParent();
            List<Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                cases.add(new Case(dir.resolve(parts[0]), parts[1]));
            }
            return cases;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() {
        return corpus().stream().map(c -> Arguments.of(c.file().getFileName().toString(), c));
    }

    @Test
    void theCorpusCoversEveryFileInTheFolder() throws IOException {
        Path dir = corpus().get(0).file().getParent();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(corpus().size(), files.filter(p -> p.toString().endsWith(".json")).count());
        }
        assertTrue(corpus().size() >= 30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneErrorLineNamingFileAndField(String name, Case c) {
        CliAccess.Result r = CliAccess.runCapturing("trace", "--lesson", c.file().toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("error: " + c.file() + ": "), lines[0]);
        assertTrue(lines[0].contains(c.fragment()), lines[0] + " should contain " + c.fragment());
        assertFalse(lines[0].contains("NaN") || lines[0].contains("Infinity") || lines[0].contains("Exception"), lines[0]);
        // The app shows the reader's first problem: the very sentence after "error: ".
        LessonReader.Result read = LessonReader.read(c.file());
        assertEquals(lines[0].substring("error: ".length()), read.firstProblem().describe(Locale.ENGLISH));
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeItIsParsed(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("{\"format\": \"nexttoken-lesson/1\", \"corpus\": [".getBytes(StandardCharsets.UTF_8));
            byte[] sentence = "\"el cielo es azul\", ".repeat(1000).getBytes(StandardCharsets.UTF_8);
            long written = 0;
            while (written < 50L * 1024 * 1024) {
                out.write(sentence);
                written += sentence.length;
            }
            out.write("\"es\"]}".getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        CliAccess.Result r = CliAccess.runCapturing("trace", "--lesson", big.toString());
        assertEquals(2, r.status());
        assertEquals("error: " + big + ": the file is 50 MB; lessons may be at most 32 MB", r.err().strip());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused from its size, not read");
    }
}
