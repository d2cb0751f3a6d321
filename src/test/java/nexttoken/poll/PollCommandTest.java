package nexttoken.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nexttoken.cli.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code poll} command of contracts.md, run in-process with its standard input and output piped. */
class PollCommandTest {
    private final InputStream realIn = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(realIn);
    }

    /** A running poll command: its first line, a way to type into it, and its end. */
    private record Running(String address, BufferedReader out, PipedOutputStream stdin, StringWriter err,
                           CompletableFuture<Integer> status) {
        int port() {
            return Integer.parseInt(address.replaceAll("^http://[^:]+:(\\d+)/.*$", "$1"));
        }

        String path() {
            return address.substring(address.indexOf('/', 7));
        }
    }

    private static Running start(String... args) throws IOException {
        PipedOutputStream stdin = new PipedOutputStream();
        System.setIn(new PipedInputStream(stdin));
        PipedReader outReader = new PipedReader(64 * 1024);
        PrintWriter out = new PrintWriter(new PipedWriter(outReader), true);
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return Cli.run(args, out, new PrintWriter(err, true));
            } finally {
                out.close();
            }
        });
        BufferedReader lines = new BufferedReader(outReader);
        String first = lines.readLine();
        return new Running(first, lines, stdin, err, status);
    }

    @Test
    void printsTheAddressFirstAndTheResultAfterALineClose() throws Exception {
        Running poll = start("poll", "--lesson", "part2", "--bind", "127.0.0.1", "--port", "0");
        assertTrue(poll.address().matches("http://127\\.0\\.0\\.1:\\d+/[2-9a-z]{6}"), poll.address());
        assertEquals(204, RawHttp.vote(poll.port(), "127.0.0.2", poll.path() + "/vote", "token=azul").status());
        assertEquals(204, RawHttp.vote(poll.port(), "127.0.0.3", poll.path() + "/vote", "token=cielo").status());
        assertEquals(204, RawHttp.vote(poll.port(), "127.0.0.3", poll.path() + "/vote", "token=azul").status());
        assertEquals(204, RawHttp.vote(poll.port(), "127.0.0.4", poll.path() + "/vote", "token=fr%C3%ADo").status());
        poll.stdin().write("something else\nclose\n".getBytes(StandardCharsets.UTF_8));
        poll.stdin().flush();
        String result = poll.out().readLine();
        assertEquals(0, poll.status().get(30, TimeUnit.SECONDS), poll.err().toString());
        assertEquals("{\"votes\":3,\"counts\":{\"azul\":2,\"cielo\":0,\"frío\":1,\"el\":0,\"es\":0},"
                + "\"model\":{\"azul\":0.423728813559322,\"cielo\":0.11864406779661017,\"frío\":0.3389830508474576,"
                + "\"el\":0.03389830508474576,\"es\":0.0847457627118644}}", result);
        assertEquals(null, poll.out().readLine(), "nothing after the result");
        assertEquals("", poll.err().toString());
        org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
                () -> RawHttp.get(poll.port(), poll.path()), "the server stopped with the poll");
    }

    @Test
    void stopsAtTheEndOfStandardInput() throws Exception {
        Running poll = start("poll", "--lesson", "part2-en", "--bind", "127.0.0.1", "--temperature", "2",
                "--normalization", "softmax");
        assertEquals(204, RawHttp.vote(poll.port(), "127.0.0.2", poll.path() + "/vote", "token=sky").status());
        poll.stdin().close();
        JsonNode result = new ObjectMapper().readTree(poll.out().readLine());
        assertEquals(0, poll.status().get(30, TimeUnit.SECONDS));
        assertEquals(1, result.get("votes").asInt());
        assertEquals(1, result.get("counts").get("sky").asInt());
        assertEquals(5, result.get("model").size());
        double sum = 0;
        for (JsonNode p : result.get("model")) {
            sum += p.asDouble();
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void stopsAfterTheSecondsWhileStandardInputStaysOpen() throws Exception {
        Running poll = start("poll", "--lesson", "part3", "--bind", "127.0.0.1", "--seconds", "1");
        String result = poll.out().readLine();
        assertEquals(0, poll.status().get(30, TimeUnit.SECONDS));
        JsonNode json = new ObjectMapper().readTree(result);
        assertEquals(0, json.get("votes").asInt());
        assertEquals(json.get("counts").size(), json.get("model").size());
    }

    @Test
    void aHostileLessonsTokensAreKeysOfTheResultAndNothingElse(@TempDir Path dir) throws Exception {
        Path lesson = HostileLesson.write(dir);
        Running poll = start("poll", "--lesson", lesson.toString(), "--bind", "127.0.0.1");
        String state = RawHttp.get(poll.port(), poll.path() + "/state").body();
        assertTrue(state.contains("\"<b>azul</b>\""), state);
        assertEquals(204, RawHttp.vote(poll.port(), "127.0.0.2", poll.path() + "/vote",
                "token=" + java.net.URLEncoder.encode(HostileLesson.TOKENS.get(2), StandardCharsets.UTF_8)).status());
        poll.stdin().close();
        JsonNode result = new ObjectMapper().readTree(poll.out().readLine());
        assertEquals(0, poll.status().get(30, TimeUnit.SECONDS));
        assertEquals(1, result.get("counts").get(HostileLesson.TOKENS.get(2)).asInt());
    }

    private static String[] runFails(String... args) {
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, status, err.toString());
        assertEquals("", out.toString());
        String[] lines = err.toString().strip().split("\\R");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertFalse(lines[0].contains("Exception"), lines[0]);
        return lines;
    }

    @Test
    void badOptionsAreOneErrorLine() {
        assertTrue(runFails("poll", "--bind", "example.org").length == 1);
        assertTrue(runFails("poll", "--bind", "127.0.0.1", "--port", "70000")[0].contains("--port"));
        assertTrue(runFails("poll", "--bind", "127.0.0.1", "--seconds", "0")[0].contains("--seconds"));
        // TEST-NET-3: an address this machine does not have, so nothing can listen there.
        assertTrue(runFails("poll", "--bind", "203.0.113.7")[0].contains("203.0.113.7"));
        assertTrue(runFails("poll", "--lesson", "nope", "--bind", "127.0.0.1")[0].contains("nope"));
    }

    @Test
    void aLessonWhoseNormIsUndefinedIsRefusedBeforeAnyPhoneVotes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("negative.json");
        java.nio.file.Files.writeString(file, """
                {"format": "nexttoken-lesson/1", "title": "negative", "language": "en",
                 "vocabulary": [{"token": "a", "id": 1}, {"token": "b", "id": 2}],
                 "prompt": ["a"], "input": "ids", "f1": [1.0], "f2": [1.0, -1.0], "normalization": "norm"}
                """);
        String line = runFails("poll", "--lesson", file.toString(), "--bind", "127.0.0.1")[0];
        assertTrue(line.contains("negative.json"), line);
    }
}
