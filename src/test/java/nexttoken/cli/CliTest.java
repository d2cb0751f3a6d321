package nexttoken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nexttoken.lesson.LessonReader;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.LessonFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    static void assertOneErrorLine(Run r, String... fragments) {
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        for (String f : fragments) {
            assertTrue(lines[0].contains(f), lines[0] + " lacks " + f);
        }
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("NaN") || r.err().contains("Infinity"), r.err());
    }

    @Test
    void traceJsonFollowsTheContract() throws IOException {
        Run r = run("trace", "--lesson", "part2", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = json(r.out());
        assertEquals("ids", j.get("input").asText());
        assertEquals(1800.0, j.get("f1").get("value").asDouble());
        assertEquals("[578.0,175.0,1047.0]", j.get("f1").get("terms").toString());
        assertEquals("[4500.0,1260.0,3600.0,360.0,900.0]", j.get("f2").get("logits").toString());
        assertTrue(r.out().contains("0.423728813559322, 0.11864406779661017, 0.3389830508474576, 0.03389830508474576, 0.0847457627118644"));
        assertEquals("norm", j.get("normalization").get("method").asText());
        assertEquals(5, j.get("filter").get("kept").size());
        assertEquals("azul", j.get("prediction").get("greedy").asText());
        assertFalse(j.has("samples"));
    }

    @Test
    void traceSamplesCountsAddUpAndReplay() throws IOException {
        Run a = run("trace", "--lesson", "part2", "--format", "json", "--samples", "1000", "--seed", "7");
        Run b = run("trace", "--lesson", "part2", "--format", "json", "--samples", "1000", "--seed", "7");
        assertEquals(a.out(), b.out());
        JsonNode s = json(a.out()).get("samples");
        assertEquals(7, s.get("seed").asLong());
        int total = 0;
        for (JsonNode c : s.get("counts")) {
            total += c.asInt();
        }
        assertEquals(1000, total);
    }

    @Test
    void part1LooksUpFrioAndAzulWithW2Two() throws IOException {
        JsonNode j = json(run("trace", "--lesson", "part1", "--format", "json").out());
        assertEquals("frío", j.get("prediction").get("lookup").asText());
        assertTrue(j.get("prediction").get("exact").asBoolean());
        assertFalse(j.has("f2") || j.has("normalization") || j.has("filter"));
        JsonNode w2 = json(run("trace", "--lesson", "part1", "--f1", "1,-2.0,0.5", "--format", "json").out());
        assertEquals("azul", w2.get("prediction").get("lookup").asText());
        assertEquals(227.0, w2.get("f1").get("value").asDouble());
    }

    @Test
    void part3Softmax() throws IOException {
        JsonNode j = json(run("trace", "--lesson", "part3", "--format", "json").out());
        assertEquals(0.49815094466940824, j.get("normalization").get("probabilities").get(0).asDouble());
        assertEquals(0.06741739919142055, j.get("normalization").get("probabilities").get(4).asDouble());
        assertEquals("softmax", j.get("normalization").get("method").asText());
    }

    @Test
    void englishTwinWithLanguage() throws IOException {
        JsonNode j = json(run("trace", "--lesson", "part2", "--language", "en", "--format", "json").out());
        assertEquals("blue", j.get("prediction").get("greedy").asText());
        assertEquals("[\"the\",\"sky\",\"is\"]", j.get("prompt").toString());
    }

    @Test
    void aLessonOfMyOwnWithSevenTokensThreeDimensionsTwoTokenContext(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("seven.json");
        LessonWriter.write(LessonFixtures.sevenTokens(), file);
        Run r = run("trace", "--lesson", file.toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = json(r.out());
        assertEquals("[\"b\",\"c\"]", j.get("context").toString());
        assertEquals(6, j.get("x").size());
        double f1 = -0.5 * 1 + 0.4 * 2 + 0.0 * 3 + 1.0 * -1 + -1.0 * 0.5 + 0.5 * 2;
        assertEquals(f1, j.get("f1").get("value").asDouble());
        assertEquals(7, j.get("normalization").get("probabilities").size());
        double sum = 0;
        for (JsonNode p : j.get("normalization").get("probabilities")) {
            sum += p.asDouble();
        }
        assertEquals(1.0, sum, 1e-12);
        // f1 = −0.2, so the most negative weight (g's −2) gives the largest logit, 0.4.
        assertEquals("g", j.get("prediction").get("greedy").asText());
    }

    @Test
    void markdownWritesTheSubstitutionsAsThePostDoes() {
        Run r = run("trace", "--lesson", "part2", "--format", "markdown", "--language", "es");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("f1(578, 350, 698) = 578 × 1.0 + 350 × 0.5 + 698 × 1.5 = 1800.0"), r.out());
        assertTrue(r.out().contains("(4500.0, 1260.0, 3600.0, 360.0, 900.0)"));
        assertTrue(r.out().contains("| azul | 4500.0 | 0.4237 | 42.4 % |"), r.out());
        assertTrue(r.out().startsWith("# Parte 2"));
        assertTrue(r.out().contains("## f1: la suma ponderada"));
        Run en = run("trace", "--lesson", "part3", "--format", "markdown", "--language", "en");
        assertTrue(en.out().contains("f1(0.3, -0.6, 0.8, -0.1, 0.1, -0.1) = 0.3 × 1.0 + (-0.6) × 0.5"), en.out());
        assertTrue(en.out().contains("≈ (0.4982, 0.08234, 0.3021, 0.04994, 0.06742)"), en.out());
    }

    @Test
    void textFormatIsTheDefault() {
        Run r = run("trace", "--lesson", "part2-en");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("Greedy decoding picks \"blue\" (42.4 %)."), r.out());
        assertTrue(r.out().contains("Under norm the temperature"), r.out());
    }

    @Test
    void generateReplaysWithTheSameSeed() throws IOException {
        Run a = run("generate", "--lesson", "part2", "--tokens", "3", "--runs", "10", "--seed", "3");
        assertEquals(0, a.status(), a.err());
        String[] lines = a.out().strip().split("\\R");
        assertEquals(10, lines.length);
        for (String line : lines) {
            assertTrue(line.startsWith("el cielo es "), line);
            assertEquals(6, line.split(" ").length);
        }
        assertEquals(a.out(), run("generate", "--lesson", "part2", "--tokens", "3", "--runs", "10", "--seed", "3").out());
        JsonNode greedy = json(run("generate", "--lesson", "part3", "--greedy", "--tokens", "1", "--format", "json").out());
        assertEquals("el cielo es azul", greedy.get("runs").get(0).get("text").asText());
    }

    @Test
    void lessonsListsAllSixteen() {
        Run r = run("lessons");
        assertEquals(0, r.status());
        assertEquals(16, r.out().strip().split("\\R").length);
        assertTrue(r.out().contains("part5-en"));
        assertTrue(r.out().contains("part7-en"));
        assertTrue(r.out().contains("cl100k"));
        assertTrue(r.out().contains("o200k"));
    }

    @Test
    void trainPrintsAFallingLossAndWritesALessonThatTraces(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("trained.json");
        Run r = run("train", "--lesson", "part5", "--steps", "200", "--format", "json", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = json(r.out());
        assertEquals(200, j.get("steps").asInt());
        assertEquals(201, j.get("loss").size());
        assertTrue(j.get("loss").get(200).asDouble() < j.get("loss").get(0).asDouble());
        assertTrue(LessonReader.read(out).ok());
        assertEquals(0, run("trace", "--lesson", out.toString()).status());
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.status());
        for (String command : new String[] {"trace", "generate", "train", "lessons"}) {
            assertTrue(help.out().contains(command), help.out());
        }
        Run version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("NextToken"));
    }

    @Test
    void badInputIsOneErrorLineAndStatusTwo(@TempDir Path dir) throws IOException {
        assertOneErrorLine(run("trace", "--prompt", "el cielo rojo"), "part2", "--prompt", "\"rojo\" is not in the vocabulary");
        assertOneErrorLine(run("trace", "--lesson", "part9"), "--lesson", "part9");
        assertOneErrorLine(run("trace", "--top-p", "1.5"), "--top-p");
        assertOneErrorLine(run("trace", "--temperature", "NaN"), "--temperature");
        assertOneErrorLine(run("trace", "--temperature", "-1"), "--temperature");
        assertOneErrorLine(run("trace", "--top-k", "-1"), "--top-k");
        assertOneErrorLine(run("trace", "--format", "xml"), "--format");
        assertOneErrorLine(run("trace", "--nonsense"), "--nonsense");
        assertOneErrorLine(run("trace", "--temperature", "warm"), "warm");
        assertOneErrorLine(run("trace", "--f2", "-1,1,1,1,1"), "norm is undefined", "\"azul\"");
        assertOneErrorLine(run("trace", "--f1", "1e308,1e308,1e308"), "f1");
        assertOneErrorLine(run("trace", "--f1", "1,2"), "--f1 has 2 weights, expected 3");
        assertOneErrorLine(run("trace", "--lesson", dir.resolve("missing.json").toString()), "missing.json", "not found");
        assertOneErrorLine(run("frobnicate"), "frobnicate");

        Path broken = dir.resolve("mine.json");
        Files.writeString(broken, LessonReaderTestAccess.valid().replace("[0.3, -0.6]", "[0.3, -0.6, 0.2]"));
        assertOneErrorLine(run("trace", "--lesson", broken.toString()), "mine.json: vocabulary[3].embedding has 3 numbers, expected 2");

        Path syntax = dir.resolve("syntax.json");
        Files.writeString(syntax, "{\n  \"format\": \"nexttoken-lesson/1\",\n  \"title\" \"x\"\n}");
        assertOneErrorLine(run("trace", "--lesson", syntax.toString()), "syntax.json", "line 3");

        assertOneErrorLine(run("train", "--lesson", "part1"), "f2");
        assertOneErrorLine(run("train", "--learning-rate", "0"), "--learning-rate");
    }

    @Test
    void errorsFollowTheLanguage() {
        Run r = run("trace", "--prompt", "el cielo rojo", "--language", "es");
        assertOneErrorLine(r, "no está en el vocabulario");
    }

    // ---- issue 16: rough edges --------------------------------------------------------------

    static void assertOneNote(String err, String prefix, String... fragments) {
        String[] lines = err.strip().split("\\R");
        assertEquals(1, lines.length, err);
        assertTrue(lines[0].startsWith(prefix), lines[0]);
        for (String f : fragments) {
            assertTrue(lines[0].contains(f), lines[0] + " lacks " + f);
        }
    }

    @Test
    void aMisspeltCommandOrOptionGetsADidYouMean() {
        assertOneErrorLine(run("tarce"), "\"tarce\" is not a command — did you mean \"trace\"?", "trace, generate, export, train, lessons");
        assertOneErrorLine(run("lesons"), "did you mean \"lessons\"?");
        Run far = run("frobnicate");
        assertOneErrorLine(far, "\"frobnicate\" is neither a command nor a lesson file", "trace, generate, export, train, lessons");
        assertFalse(far.err().contains("did you mean"), far.err());
        assertOneErrorLine(run("trace", "--temprature", "2"), "trace has no option --temprature — did you mean --temperature?");
        assertOneErrorLine(run("trace", "--temperature", "warm"), "--temperature is \"warm\", expected a number");
        assertOneErrorLine(run("trace", "--top-k", "1.5"), "--top-k is \"1.5\", expected a whole number");
        assertOneErrorLine(run("export", "--lesson", "part2"), "--out is missing");
        assertOneErrorLine(run("export", "--lesson", "part2", "--language", "es"), "falta --out");
        assertOneErrorLine(run("export", "--out", "x", "--notes", "--language", "es"), "--notes va con --handout");
        assertOneErrorLine(run("tarce", "--language", "es"), "\"tarce\" no es una orden", "¿quería decir \"trace\"?");
    }

    @Test
    void nanIsNotANumberAndAnInfinityIsTooLarge() {
        assertOneErrorLine(run("trace", "--f1", "1,NaN,2"), "--f1[1] is not a number; give one written with digits, such as 1.5");
        assertOneErrorLine(run("trace", "--temperature", "NaN"), "--temperature is not a number;");
        assertOneErrorLine(run("train", "--learning-rate", "NaN"), "--learning-rate is not a number;");
        assertOneErrorLine(run("trace", "--f1", "1,1e999,2"), "--f1[1] is not a finite number: it is beyond what a double holds");
    }

    @Test
    void countsTakeTheirPlural() {
        assertOneErrorLine(run("trace", "--prompt", "es"), "part2: --prompt has 1 word but the model reads 3");
        assertOneErrorLine(run("trace", "--prompt", "el es"), "--prompt has 2 words but the model reads 3");
        assertOneErrorLine(run("trace", "--prompt", ""), "--prompt has no words but the model reads 3");
        assertOneErrorLine(run("trace", "--f1", "2"), "--f1 has 1 weight, expected 3");
        assertOneErrorLine(run("trace", "--prompt", "es", "--language", "es"), "--prompt tiene 1 palabra pero el modelo lee 3");
        Run one = run("train", "--lesson", "part5", "--steps", "1");
        assertEquals(0, one.status(), one.err());
        assertTrue(one.out().contains("loss after 1 step: 1.656\n"), one.out());
        // The text output reads numbers as the text trace does (issue 17); JSON keeps every digit.
        assertEquals("loss before training: 1.756\nloss after 200 steps: 0.5634\n",
                run("train", "--lesson", "part5", "--steps", "200").out().replace("\r\n", "\n"));
        assertTrue(run("train", "--lesson", "part5", "--steps", "200", "--format", "json").out()
                .contains("0.5634189029832081]"));
    }

    @Test
    void optionsALessonIgnoresAreSaidOnStderrAndTheRunGoesAhead() throws IOException {
        Run part1 = run("trace", "--lesson", "part1", "--temperature", "2", "--top-k", "2", "--normalization", "softmax",
                "--format", "json");
        assertEquals(0, part1.status(), part1.err());
        assertEquals("frío", json(part1.out()).get("prediction").get("lookup").asText());
        assertOneNote(part1.err(), "warning: part1: ", "--normalization, --temperature and --top-k have no effect here",
                "looks f1's value up as a token id");
        Run norm = run("trace", "--lesson", "part2", "--temperature", "2", "--format", "json");
        assertEquals(0, norm.status());
        assertOneNote(norm.err(), "warning: part2: --temperature has no effect under norm");
        Run greedy = run("generate", "--lesson", "part3", "--greedy", "--top-p", "0.5", "--tokens", "1");
        assertEquals("el cielo es azul\n", greedy.out());
        assertOneNote(greedy.err(), "warning: part3: --top-p has no effect with --greedy");
        Run used = run("trace", "--lesson", "part3", "--temperature", "2", "--top-k", "2");
        assertEquals(0, used.status());
        assertEquals("", used.err(), "options that change the run are not warned about");
        Run spanish = run("trace", "--lesson", "part1", "--top-p", "0.5", "--language", "es");
        assertOneNote(spanish.err(), "warning: part1: --top-p no tiene efecto aquí");
    }

    @Test
    void exportOutMustBeAFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("handout"), "x");
        assertOneErrorLine(run("export", "--lesson", "part2", "--out", file.toString()),
                file + ": --out names a file, but export writes its PNGs into a folder");
        assertOneErrorLine(run("export", "--lesson", "part2", "--out", file.resolve("sub").toString()),
                file.resolve("sub") + ": cannot create the folder (" + file + " is a file, not a folder)");
        assertEquals("x", Files.readString(file), "nothing replaced");
    }

    @Test
    void trainOutMustBeAFileAndNoMessageShowsATemporaryPath(@TempDir Path dir) throws IOException {
        Run folder = run("train", "--lesson", "part5", "--steps", "2", "--out", dir.toString());
        assertOneErrorLine(folder, dir + ": --out names a folder: give the file to write, such as " + dir.resolve("trained.json"));
        assertFalse(folder.err().contains(".part") || folder.err().contains(".tmp"), folder.err());
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Run below = run("train", "--lesson", "part5", "--steps", "2", "--out", blocker.resolve("t.json").toString());
        assertOneErrorLine(below, "cannot create the folder (" + blocker + " is a file, not a folder)");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        locked.toFile().setWritable(false);
        try {
            if (!Files.isWritable(locked)) { // root may write anywhere
                Run denied = run("train", "--lesson", "part5", "--steps", "2", "--out", locked.resolve("t.json").toString());
                assertOneErrorLine(denied, locked.resolve("t.json") + ": cannot write the file (permission denied)");
                assertFalse(denied.err().contains(".part"), denied.err());
            }
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void outputSaysWhatItCreatedAndWhatItReplaced(@TempDir Path dir) throws IOException {
        Path trained = dir.resolve("new").resolve("deeper").resolve("trained.json");
        Run first = run("train", "--lesson", "part5", "--steps", "1", "--out", trained.toString());
        assertEquals(0, first.status(), first.err());
        assertOneNote(first.err(), "created the folder " + trained.getParent());
        Run again = run("train", "--lesson", "part5", "--steps", "2", "--out", trained.toString());
        assertEquals(0, again.status(), again.err());
        assertOneNote(again.err(), "replaced " + trained);
        assertTrue(LessonReader.read(trained).ok());
        Run spanish = run("train", "--lesson", "part5", "--steps", "1", "--out", trained.toString(), "--language", "es");
        assertOneNote(spanish.err(), "reemplazado " + trained);
    }

    @Test
    void aDivergingTrainingStillPrintsItsLossesAsJson() throws IOException {
        Run r = run("train", "--lesson", "part5", "--steps", "5", "--learning-rate", "1000", "--format", "json");
        assertEquals(2, r.status());
        assertOneNote(r.err(), "error: part5: training diverged: the loss grew from 1.756 to");
        JsonNode j = json(r.out());
        assertTrue(j.get("diverged").asBoolean());
        assertEquals(5, j.get("requestedSteps").asInt());
        assertEquals(j.get("steps").asInt() + 1, j.get("loss").size());
        assertEquals(1.7564195385628896, j.get("loss").get(0).asDouble());
        double last = j.get("loss").get(j.get("loss").size() - 1).asDouble();
        assertTrue(Double.isFinite(last) && last > 1000 * 1.7564195385628896, "the loss that ran away: " + last);
        Run converging = run("train", "--lesson", "part5", "--steps", "3", "--format", "json");
        assertFalse(json(converging.out()).has("diverged"));
    }

    @Test
    void aRealVocabularyTraceIsReadableInTextAndMarkdownAndCompleteInJson() throws IOException {
        for (String format : new String[] {"text", "markdown"}) {
            Run r = run("trace", "--lesson", "cl100k", "--format", format, "--samples", "100", "--seed", "1");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().length() < 10_000, format + ": " + r.out().length() + " characters");
            for (String line : r.out().split("\\R")) {
                assertTrue(line.length() < 400, format + " line of " + line.length());
            }
            assertTrue(r.out().contains("100,261 tokens"), "title and body give the vocabulary's own size");
            assertFalse(r.out().contains("100,256") || r.out().contains("100256 tokens"), r.out());
            assertTrue(r.out().contains("100,241 other tokens: 99.8 % together."), r.out());
        }
        Run text = run("trace", "--lesson", "cl100k");
        // The table is most probable first: ▁Lloyd (logit 2.975544) heads it, as the greedy line says.
        String table = text.out().substring(text.out().indexOf("after top-k/top-p"));
        double previous = Double.POSITIVE_INFINITY;
        int rows = 0;
        for (String line : table.split("\\R")) {
            String[] cells = line.trim().split("\\s{2,}");
            if (cells.length == 5) {
                double logit = Double.parseDouble(cells[1]);
                assertTrue(logit <= previous, line);
                previous = logit;
                rows++;
            } else if (rows > 0) {
                break;
            }
        }
        assertEquals(20, rows);
        assertTrue(table.contains("  ▁Lloyd      2.976    0.0001569    0.016 %"), table); // issue 17: 4 significant digits
        assertTrue(text.out().contains("Greedy decoding picks \"▁Lloyd\" (0.016 %)."), text.out());
        JsonNode j = json(run("trace", "--lesson", "cl100k", "--format", "json").out());
        assertEquals(100_261, j.get("vocabulary").size());
        assertEquals(100_261, j.get("normalization").get("probabilities").size());
        assertEquals(100_261, j.get("f2").get("logits").size());
    }

    @Test
    void theTwoHundredThousandTokenLessonTracesAndGeneratesFromTheCommandLine() throws IOException {
        Run text = run("trace", "--lesson", "o200k");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().startsWith("O200K — A REAL VOCABULARY OF 200,000 TOKENS"), text.out());
        assertTrue(text.out().contains("  The    976    [0.506, -0.516]"), text.out());
        assertTrue(text.out().contains("= -0.6655"), text.out());
        assertTrue(text.out().contains("  ▁maaaring     3.003    8.067e-5     0.0081 %  8.067e-5"), text.out());
        assertTrue(text.out().contains("199,980 other tokens: 99.9 % together."), text.out());
        assertTrue(text.out().contains("Greedy decoding picks \"▁maaaring\" (0.0081 %)."), text.out());
        JsonNode j = json(run("trace", "--lesson", "o200k", "--format", "json").out());
        assertEquals(200_000, j.get("vocabulary").size());
        assertEquals(200_000, j.get("normalization").get("probabilities").size());
        assertEquals(-0.6655, j.get("f1").get("value").asDouble(), 1e-15);
        Run generated = run("generate", "--lesson", "o200k", "--tokens", "2", "--seed", "1");
        assertEquals(0, generated.status(), generated.err());
        assertEquals("The ▁sky ▁is ▁salen orat", generated.out().strip()); // seed 1 draws from all 200,000
    }

    @Test
    void oneLanguageRuleTheInterfaceFollowsLanguageOrTheSystemTheLessonKeepsItsOwn(@TempDir Path dir) throws IOException {
        // The test JVM's system language is English (pom.xml): a Spanish lesson gets English headings and errors.
        Run spanishLesson = run("trace", "--lesson", "part2");
        assertTrue(spanishLesson.out().startsWith("PARTE 2"), "the lesson's title stays Spanish: " + spanishLesson.out());
        assertTrue(spanishLesson.out().contains("f1: the weighted sum"), spanishLesson.out());
        assertTrue(spanishLesson.out().contains("Greedy decoding picks \"azul\""), spanishLesson.out());
        assertOneErrorLine(run("trace", "--lesson", "part2", "--prompt", "el cielo rojo"), "is not in the vocabulary");
        // A file is not swapped for a twin: an English lesson under a Spanish interface.
        Path english = dir.resolve("sky.json");
        LessonWriter.write(nexttoken.lesson.BuiltInLessons.load("part2-en"), english);
        Run es = run("trace", "--lesson", english.toString(), "--language", "es");
        assertTrue(es.out().contains("f1: la suma ponderada"), es.out());
        assertTrue(es.out().contains("La decodificación voraz elige \"blue\""), es.out());
        Run cl = run("trace", "--lesson", "cl100k", "--language", "es");
        assertTrue(cl.out().startsWith("CL100K — UN VOCABULARIO REAL DE 100.261 TOKENS"), cl.out());
    }
}
