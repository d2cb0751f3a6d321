package nexttoken.cli;

import static nexttoken.cli.CliTest.assertOneErrorLine;
import static nexttoken.cli.CliTest.json;
import static nexttoken.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nexttoken.lesson.LessonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace, generate, train and export on attention lessons, as contracts.md writes them. */
class AttentionCliTest {

    @Test
    void traceJsonHasTheAttentionKeysOfTheContract() throws IOException {
        CliTest.Run r = run("trace", "--lesson", "part7", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode t = json(r.out());
        List<String> keys = new ArrayList<>();
        t.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("lesson", "vocabulary", "prompt", "context", "input", "attention", "feedForward", "h", "f2",
                "normalization", "filter", "prediction"), keys, "x and f1 are absent");
        JsonNode a = t.get("attention");
        List<String> attentionKeys = new ArrayList<>();
        a.fieldNames().forEachRemaining(attentionKeys::add);
        assertEquals(List.of("inputs", "positions", "heads", "output", "residual"), attentionKeys);
        assertEquals(3, a.get("inputs").size());
        assertEquals(1.1, a.get("inputs").get(2).get(0).asDouble());
        JsonNode head = a.get("heads").get(1);
        List<String> headKeys = new ArrayList<>();
        head.fieldNames().forEachRemaining(headKeys::add);
        assertEquals(List.of("queries", "keys", "values", "scores", "weights", "output"), headKeys);
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, head.get("scores").get(i).size(), "causal row " + i);
            assertEquals(i + 1, head.get("weights").get(i).size(), "causal row " + i);
        }
        assertEquals(1.0, head.get("weights").get(0).get(0).asDouble());
        assertEquals(0.5635551898817578, head.get("weights").get(2).get(0).asDouble());
        assertEquals(0.10591931851117506, t.get("feedForward").get("hidden").get(0).asDouble());
        assertEquals(1.1470403407444125, t.get("h").get(0).asDouble());
        assertEquals(1.2, t.get("f2").get("logits").get(0).asDouble());
        assertFalse(t.get("f2").has("weights"));
        assertEquals("azul", t.get("prediction").get("greedy").asText());
    }

    @Test
    void traceJsonOfTiedF2WithoutPositionsOmitsWhatTheLessonLacks() throws IOException {
        JsonNode t = json(run("trace", "--lesson", "part6", "--prompt", "cielo el es", "--format", "json").out());
        assertFalse(t.has("feedForward"));
        assertTrue(t.get("attention").has("positions"));
        assertEquals(0.4347647554296199, t.get("attention").get("heads").get(0).get("weights").get(2).get(2).asDouble());
    }

    @Test
    void aPromptShorterThanTheWindowIsReadWhole() throws IOException {
        JsonNode t = json(run("trace", "--lesson", "part6", "--prompt", "es", "--format", "json").out());
        assertEquals(1, t.get("context").size());
        assertEquals(1, t.get("attention").get("inputs").size());
        assertEquals(1.0, t.get("attention").get("heads").get(0).get("weights").get(0).get(0).asDouble());
    }

    @Test
    void markdownWritesEverySubstitutionTheWayThePostsWriteF1() {
        CliTest.Run r = run("trace", "--lesson", "part6-en", "--format", "markdown");
        assertEquals(0, r.status(), r.err());
        String md = r.out();
        assertTrue(md.contains("x₁ = sky + PE(1) = [0.8, -0.1] + [0.5, 0.0] = [1.3, -0.1]"), md);
        assertTrue(md.contains("q₂ = x₂·Wq = [1.1 × 2.0 + (-0.1) × 0.0, 1.1 × 0.0 + (-0.1) × 2.0] = [2.2, -0.2]"), md);
        assertTrue(md.contains("s₂₁ = q₂ · k₁ / √2 = (2.2 × 1.3 + (-0.2) × (-0.1)) / 1.414 = 2.88 / 1.414 = 2.036"), md);
        assertTrue(md.contains("a₂ = softmax(s₂₀, s₂₁, s₂₂) = softmax(0.5515, 2.036, 1.725) = (0.1156, 0.5104, 0.3740)"), md);
        assertTrue(md.contains("\"is\" looks at: the 0.1156, sky 0.5104, is 0.3740."), md);
        assertTrue(md.contains("logit(blue) = h · e(blue) = 0.7844 × (-0.2) + 2.119 × 0.9 = 1.750"), md);
        assertTrue(md.contains("## Attention head 1 of 1"), md);

        String es = run("trace", "--lesson", "part7", "--format", "text", "--language", "es").out();
        assertTrue(es.contains("u = ReLU(z) = max(0, [0.1059, -1.2]) = [0.1059, 0.0]"), es);
        assertTrue(es.contains("Cabeza de atención 2 de 2"), es);
    }

    @Test
    void generateStopsAfterTheEndTokenAndSaysSo(@TempDir Path dir) throws IOException {
        JsonNode greedy = json(run("generate", "--lesson", "part7", "--greedy", "--tokens", "6", "--format", "json").out());
        JsonNode run = greedy.get("runs").get(0);
        assertEquals("el cielo es azul es azul es azul es", run.get("text").asText(), "greedy repeats itself");
        assertFalse(run.get("ended").asBoolean());

        Path trained = dir.resolve("trained.json");
        CliTest.Run t = run("train", "--lesson", "part7", "--steps", "300", "--learning-rate", "0.5", "--format", "json",
                "--out", trained.toString());
        assertEquals(0, t.status(), t.err());
        JsonNode loss = json(t.out()).get("loss");
        assertEquals(301, loss.size());
        assertEquals(1.706203310438752, loss.get(0).asDouble());
        assertTrue(LessonReader.read(trained).ok(), "the trained lesson reads back");
        JsonNode after = json(run("generate", "--lesson", trained.toString(), "--greedy", "--tokens", "6", "--format", "json").out());
        assertEquals("el cielo es azul .", after.get("runs").get(0).get("text").asText());
        assertTrue(after.get("runs").get(0).get("ended").asBoolean());

        // endToken works for the lessons of parts 1 to 5 too.
        ObjectNode part3 = (ObjectNode) json(Files.readString(Path.of("assets/lessons/part3.json")));
        part3.put("endToken", "azul");
        Path withEnd = dir.resolve("part3-end.json");
        Files.writeString(withEnd, part3.toString(), StandardCharsets.UTF_8);
        JsonNode ended = json(run("generate", "--lesson", withEnd.toString(), "--greedy", "--tokens", "5", "--format", "json").out());
        assertEquals("el cielo es azul", ended.get("runs").get(0).get("text").asText());
        assertTrue(ended.get("runs").get(0).get("ended").asBoolean());
    }

    @Test
    void overflowingScoresAreOneErrorNamingTheHead(@TempDir Path dir) throws IOException {
        ObjectNode lesson = (ObjectNode) json(Files.readString(Path.of("assets/lessons/part7.json")));
        ((ObjectNode) lesson.get("attention").get("heads").get(1)).putArray("query").add(json("[1e200]")).add(json("[1e200]"));
        ((ObjectNode) lesson.get("attention").get("heads").get(1)).putArray("key").add(json("[1e200]")).add(json("[1e200]"));
        Path file = dir.resolve("overflow.json");
        Files.writeString(file, lesson.toString(), StandardCharsets.UTF_8);
        assertOneErrorLine(run("trace", "--lesson", file.toString()), file.toString(),
                "attention.heads[1] overflows: a number it makes is too large for a double");
        assertOneErrorLine(run("generate", "--lesson", file.toString()), "attention.heads[1] overflows");
    }

    @Test
    void weightOptionsOfEarlierPartsAndAnEmptyPromptAreRefused() {
        assertOneErrorLine(run("trace", "--lesson", "part6", "--f1", "1,2"), "--f1 sets the weights of parts 1 to 5");
        assertOneErrorLine(run("trace", "--lesson", "part6", "--prompt", " "), "--prompt has no word");
        assertOneErrorLine(run("trace", "--lesson", "part6", "--prompt", "el verde"), "\"verde\" is not in the vocabulary");
    }

    @Test
    void exportWritesEveryViewOfBothStagesAndTheSlide(@TempDir Path dir) throws IOException {
        CliTest.Run r = run("export", "--lesson", "part6", "--out", dir.toString(), "--scale", "1");
        assertEquals(0, r.status(), r.err());
        List<String> written = r.out().lines().map(l -> Path.of(l).getFileName().toString()).toList();
        // Stage 1's views, then stage 2's (the scatter is in both, written once), then the slide.
        assertTrue(written.containsAll(List.of("part6-tokens.png", "part6-embeddings.png", "part6-logits.png",
                "part6-distribution.png")), written.toString());
        assertEquals("part6-slide.png", written.get(written.size() - 1));
        assertEquals(written.size(), new java.util.HashSet<>(written).size(), "each view once");
        for (String name : written) {
            byte[] png = Files.readAllBytes(dir.resolve(name));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', name);
        }
    }
}
