package nexttoken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run with java -jar exactly as README tells a teacher to. */
class JarIT {
    record Result(int status, String out, String err) {
    }

    static Result java(String... args) throws IOException, InterruptedException {
        return java(java.util.Map.of(), args);
    }

    /** With environment changes: a value of "" removes the variable. */
    static Result java(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("nexttoken.jar", "target/nexttoken.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // The C locale makes Java 17's default stdout encoding ASCII; output must still be UTF-8.
        pb.environment().put("LANG", "C");
        pb.environment().remove("LC_ALL");
        env.forEach((name, value) -> {
            if (value.isEmpty()) {
                pb.environment().remove(name);
            } else {
                pb.environment().put(name, value);
            }
        });
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** `package` writes a class archive for this jar; scripts/nexttoken starts with it and prints what java -jar prints. */
    @Test
    void theClassArchiveFitsTheJarAndChangesNoOutput() throws Exception {
        Path jar = Path.of(System.getProperty("nexttoken.jar", "target/nexttoken.jar"));
        Path archive = jar.resolveSibling("nexttoken.jsa");
        // -Xshare:on: the JVM stops rather than start without the archive, so this fails if the archive is stale.
        Result shared = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "trace", "--lesson", "part2", "--format", "json"));
        assertEquals(0, shared.status(), shared.err() + shared.out());
        Result plain = java("trace", "--lesson", "part2", "--format", "json");
        assertEquals(plain.out(), shared.out());
        Result script = run(List.of("bash", jar.getParent().resolveSibling("scripts").resolve("nexttoken").toString(),
                "trace", "--lesson", "part2", "--format", "json"));
        assertEquals(0, script.status(), script.err());
        assertEquals(plain.out(), script.out());
    }

    @Test
    void traceJsonFromTheJar() throws Exception {
        Result r = java("trace", "--lesson", "part2", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"value\" : 1800.0"), r.out());
        assertTrue(r.out().contains("\"probabilities\" : [ 0.423728813559322,"), r.out());
        assertTrue(r.out().contains("\"frío\""), "UTF-8 even under LANG=C: " + r.out());
    }

    @Test
    void badLessonFromTheJarIsOneLineAndStatusTwo() throws Exception {
        Result r = java("trace", "--lesson", "part2", "--prompt", "el cielo rojo");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().split("\\R").length, r.err());
        assertTrue(r.err().startsWith("error: part2: --prompt \"rojo\""), r.err());
    }

    @Test
    void versionFromTheManifest() throws Exception {
        Result r = java("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().matches("NextToken \\d+\\.\\d+\\.\\d+\\s*"), r.out());
    }

    @Test
    void exportWritesEveryViewAndASlideHeadless(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Result r = java("export", "--lesson", "part3", "--out", dir.toString(), "--scale", "2");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "nothing on stderr when all went well");
        List<String> names = List.of("part3-tokens.png", "part3-f1.png", "part3-embeddings.png", "part3-logits.png",
                "part3-distribution.png", "part3-slide.png");
        for (String name : names) {
            assertTrue(r.out().contains(dir.resolve(name).toString()), r.out());
            assertTrue(java.nio.file.Files.size(dir.resolve(name)) > 1000, name);
        }
        java.awt.image.BufferedImage slide = javax.imageio.ImageIO.read(dir.resolve("part3-slide.png").toFile());
        assertEquals(2880, slide.getWidth());
        assertEquals(1800, slide.getHeight());
    }

    @Test
    void exportInEnglishWithTheProjectorTheme(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Result r = java("export", "--lesson", "part1", "--out", dir.toString(), "--scale", "1", "--theme", "projector",
                "--language", "en");
        assertEquals(0, r.status(), r.err());
        assertTrue(java.nio.file.Files.exists(dir.resolve("part1-en-lookup.png")), r.out());
        java.awt.image.BufferedImage slide = javax.imageio.ImageIO.read(dir.resolve("part1-en-slide.png").toFile());
        assertEquals(1440, slide.getWidth());
    }

    @Test
    void exportThatCannotWriteIsOneLineAndStatusTwo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        java.nio.file.Files.writeString(blocker, "x");
        Result r = java("export", "--lesson", "part2", "--out", blocker.resolve("out").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().split("\\R").length, r.err());
        assertTrue(r.err().startsWith("error: " + blocker.resolve("out")), r.err());
        Result bad = java("export", "--lesson", "part2", "--out", dir.toString(), "--scale", "4");
        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("error: --scale"), bad.err());
    }

    /** Over SSH or in a script: no DISPLAY, no WAYLAND_DISPLAY, and no Monocle properties (plain java -jar). */
    static final java.util.Map<String, String> NO_DISPLAY = java.util.Map.of("DISPLAY", "", "WAYLAND_DISPLAY", "");

    /** The same bar as in-process: exit 2, stdout empty, one error line, no stack trace. */
    static void assertOneErrorLine(Result r, String... fragments) {
        CliTest.assertOneErrorLine(new CliTest.Run(r.status(), r.out(), r.err()), fragments);
        org.junit.jupiter.api.Assertions.assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void withoutADisplayTheWindowSaysSoAndNamesTheCommandsThatNeedNone(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String commands = "trace, generate, export, train, lessons";
        assertOneErrorLine(java(NO_DISPLAY), "the window needs a display", "DISPLAY and WAYLAND_DISPLAY are empty", commands);
        Path lesson = dir.resolve("mine.json");
        java.nio.file.Files.writeString(lesson, "{}");
        assertOneErrorLine(java(NO_DISPLAY, lesson.toString()), "the window needs a display", commands);
        // A display that is set but cannot be opened: JavaFX fails to start, and says nothing more than this line.
        assertOneErrorLine(java(java.util.Map.of("DISPLAY", ":8765", "WAYLAND_DISPLAY", ""), lesson.toString()),
                "the window needs a display, and none could be opened", commands);
        // The command line itself needs none.
        Result trace = java(NO_DISPLAY, "trace", "--lesson", "part2", "--format", "json");
        assertEquals(0, trace.status(), trace.err());
    }

    @Test
    void aMisspeltCommandAloneIsADidYouMeanNotALessonFile() throws Exception {
        assertOneErrorLine(java(NO_DISPLAY, "tarce"), "\"tarce\" is not a command — did you mean \"trace\"?");
        assertOneErrorLine(java(NO_DISPLAY, "exprot"), "did you mean \"export\"?");
        assertOneErrorLine(java(NO_DISPLAY, "frobnicate"), "\"frobnicate\" is neither a command nor a lesson file");
        assertOneErrorLine(java(NO_DISPLAY, "tarce", "--language", "es"), "¿quería decir \"trace\"?");
    }

    @Test
    void exportSaysWhatItCreatedAndReplacedOnStderr(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("handout").resolve("week1");
        Result first = java("export", "--lesson", "part1", "--out", out.toString(), "--scale", "1");
        assertEquals(0, first.status(), first.err());
        assertEquals("created the folder " + out, first.err().strip());
        Result again = java("export", "--lesson", "part1", "--out", out.toString(), "--scale", "1");
        assertEquals(0, again.status(), again.err());
        List<String> replaced = again.err().strip().lines().toList();
        assertEquals(first.out().strip().lines().map(f -> "replaced " + f).toList(), replaced);
        assertTrue(replaced.size() >= 3, again.err());
    }
}
