package nexttoken.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's {@code poll} command (contracts.md "Class poll"), run with java -jar as a
 * script would, and spoken to with the JDK's own HTTP client as a phone's browser would: the
 * address comes first on stdout, the page, the state, the votes and their faults answer as the
 * contract says, and a line {@code close} prints the result JSON with the class's counts and the
 * model's probabilities to the last digit. Votes from several phones come from distinct
 * loopback addresses (127.0.0.x), which the JDK 17 client cannot choose, through {@link RawHttp}.
 */
class PollJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process process;

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("nexttoken.jar", "target/nexttoken.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // The C locale makes Java 17's default stdout encoding ASCII: the result's "frío" must stay UTF-8.
        pb.environment().put("LANG", "C");
        pb.environment().remove("LC_ALL");
        process = pb.start();
        return process;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> vote(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/vote")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theJarsPollServesThePageCountsThePhonesAndPrintsTheResult() throws Exception {
        Process poll = start("poll", "--lesson", "part2", "--bind", "127.0.0.1", "--port", "0", "--seconds", "120");
        BufferedReader out = new BufferedReader(new InputStreamReader(poll.getInputStream(), StandardCharsets.UTF_8));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> {
            try {
                poll.getErrorStream().transferTo(err);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        errReader.start();
        String address = out.readLine();
        assertTrue(address != null && address.matches("http://127\\.0\\.0\\.1:\\d+/[2-9a-z]{6}"),
                "the first line is the address: " + address + " " + err);
        URI uri = URI.create(address);
        int port = uri.getPort();
        String code = uri.getPath();

        HttpResponse<String> page = get(address);
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElse("")
                .replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        assertTrue(page.body().contains("<style"), "CSS inline");
        assertTrue(page.body().contains("<script"), "script inline");
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from another host");

        JsonNode state = JSON.readTree(get(address + "/state").body());
        assertTrue(state.get("open").asBoolean());
        assertEquals("[\"el\",\"cielo\",\"es\"]", state.get("prompt").toString());
        assertEquals("[\"azul\",\"cielo\",\"frío\",\"el\",\"es\"]", state.get("tokens").toString());
        assertEquals(0, state.get("votes").asInt());
        assertNull(state.get("counts"), "no split before the result");

        // This client's phone votes, changes its mind, and makes every mistake the contract names.
        assertEquals(204, vote(address, "token=cielo").statusCode());
        assertEquals(204, vote(address, "token=azul").statusCode(), "a later vote replaces the earlier one");
        assertEquals(400, vote(address, "token=verde").statusCode(), "not in the vocabulary");
        assertEquals(400, vote(address, "color=azul").statusCode(), "malformed");
        assertEquals(413, vote(address, "token=" + "a".repeat(1100)).statusCode(), "over 1 KB");
        assertEquals(404, get("http://127.0.0.1:" + port + "/zzzzzz").statusCode(), "a wrong code");
        assertEquals(404, get(address + "/admin").statusCode(), "any other path");
        // Four more phones, each from its own address; one of them taps far too fast.
        assertEquals(204, RawHttp.vote(port, "127.0.0.21", code + "/vote", "token=fr%C3%ADo").status());
        assertEquals(204, RawHttp.vote(port, "127.0.0.22", code + "/vote", "token=fr%C3%ADo").status());
        assertEquals(204, RawHttp.vote(port, "127.0.0.23", code + "/vote", "token=es").status());
        List<Integer> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(RawHttp.vote(port, "127.0.0.24", code + "/vote", "token=azul").status());
        }
        assertEquals(204, burst.get(0));
        assertTrue(burst.contains(429), "more than 5 votes a second from one address: " + burst);
        assertEquals(5, JSON.readTree(get(address + "/state").body()).get("votes").asInt());

        OutputStream stdin = poll.getOutputStream();
        stdin.write("close\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String result = out.readLine();
        assertTrue(poll.waitFor(30, TimeUnit.SECONDS));
        errReader.join(5000);
        assertEquals(0, poll.exitValue(), err.toString(StandardCharsets.UTF_8));
        assertEquals("{\"votes\":5,\"counts\":{\"azul\":2,\"cielo\":0,\"frío\":2,\"el\":0,\"es\":1},"
                + "\"model\":{\"azul\":0.423728813559322,\"cielo\":0.11864406779661017,\"frío\":0.3389830508474576,"
                + "\"el\":0.03389830508474576,\"es\":0.0847457627118644}}", result);
        assertNull(out.readLine(), "nothing after the result");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertThrows(java.io.IOException.class, () -> get(address), "the server stopped with the poll");
    }

    @Test
    void theJarsPollStopsByItselfAfterItsSeconds() throws Exception {
        long started = System.nanoTime();
        Process poll = start("poll", "--lesson", "part2-en", "--bind", "127.0.0.1", "--port", "0", "--seconds", "2");
        BufferedReader out = new BufferedReader(new InputStreamReader(poll.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine();
        assertEquals(204, vote(address, "token=sky").statusCode());
        String result = out.readLine();
        assertTrue(poll.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, poll.exitValue());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds >= 2, "stopped after " + seconds + " s");
        JsonNode json = JSON.readTree(result);
        assertEquals(1, json.get("votes").asInt());
        assertEquals(1, json.get("counts").get("sky").asInt());
        assertEquals(0.423728813559322, json.get("model").get("blue").asDouble(), 0.0);
    }
}
