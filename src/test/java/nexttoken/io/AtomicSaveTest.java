package nexttoken.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nexttoken.lesson.LessonReader;
import nexttoken.lesson.LessonWriter;
import nexttoken.model.Lesson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save killed at any moment (kill -9 of a real process) leaves a whole lesson under the name. */
class AtomicSaveTest {

    @Test
    void killingASaveLeavesTheOldOrTheNewLessonNeverHalf(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("lesson.json");
        Lesson a = SaveLoop.big(1);
        Lesson b = SaveLoop.big(2);
        LessonWriter.write(a, target);
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 6; round++) {
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), target.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue("ready".equals(first), "child said " + first);
            Thread.sleep(150 + random.nextInt(600));
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            LessonReader.Result read = LessonReader.read(target);
            assertTrue(read.ok(), () -> "after kill " + read.problems());
            assertTrue(read.lesson().equals(a) || read.lesson().equals(b), "a whole lesson, old or new");
        }
        List<Path> left;
        try (var files = java.nio.file.Files.list(dir)) {
            left = files.toList();
        }
        // A killed save may leave its hidden temporary file; never anything under the lesson's name but a whole lesson.
        left.stream().filter(p -> !p.equals(target))
                .forEach(p -> assertTrue(p.getFileName().toString().startsWith(".lesson.json."), p.toString()));
    }
}
