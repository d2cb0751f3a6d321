package nexttoken.poll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nexttoken.model.Composition;
import nexttoken.model.LessonFixtures;
import nexttoken.model.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP answers and limits of contracts.md "Class poll", on loopback, with a real Jetty. */
class PollServerTest {
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#6B6B6B");
    private final List<ClassPoll> started = new ArrayList<>();

    private ClassPoll start(Trace trace, PollServer.Limits limits) throws IOException {
        ClassPoll poll = ClassPoll.start(trace, PALETTE, Locale.ENGLISH, InetAddress.getLoopbackAddress(), 0, limits);
        started.add(poll);
        return poll;
    }

    private ClassPoll part2() throws IOException {
        return start(Composition.compute(LessonFixtures.part(2)), PollServer.Limits.CLASSROOM);
    }

    @AfterEach
    void stop() {
        started.forEach(p -> p.server().close());
    }

    private static String path(ClassPoll poll, String rest) {
        return "/" + poll.server().code() + rest;
    }

    private static JsonNode json(String body) throws IOException {
        return new ObjectMapper().readTree(body);
    }

    @Test
    void theAddressIsLoopbackAFreePortAndTheCode() throws IOException {
        ClassPoll poll = part2();
        assertTrue(poll.server().port() > 0);
        assertEquals("http://127.0.0.1:" + poll.server().port() + "/" + poll.server().code(), poll.address());
        assertTrue(poll.server().code().matches("[2-9a-z]{6}"), poll.server().code());
    }

    @Test
    void thePageIsOneSelfContainedUtf8Document() throws IOException {
        ClassPoll poll = part2();
        RawHttp.Answer page = RawHttp.get(poll.server().port(), path(poll, ""), "Accept-Language: es-ES,es;q=0.9\r\n");
        assertEquals(200, page.status(), page.headers());
        assertTrue(page.headers().contains("Content-Type: text/html;charset=utf-8")
                || page.headers().contains("Content-Type: text/html; charset=utf-8"), page.headers());
        assertTrue(page.headers().contains("Content-Security-Policy: default-src 'none'"), page.headers());
        assertTrue(page.body().contains("<html lang=\"es\">"));
        assertTrue(page.body().contains("¿Qué viene ahora?"), "the Spanish sentences for a Spanish phone");
        assertFalse(page.body().contains("http://") || page.body().contains("https://") || page.body().contains("src="),
                "nothing from another host");
        assertFalse(page.body().contains("azul"), "tokens arrive as data from /state, not in the markup");
        RawHttp.Answer english = RawHttp.get(poll.server().port(), path(poll, ""), "Accept-Language: en-GB\r\n");
        assertTrue(english.body().contains("What comes next?"));
    }

    @Test
    void theStateHasThePromptTheTokensAndTheCountButNoSplit() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        assertEquals(204, RawHttp.vote(port, "127.0.0.2", path(poll, "/vote"), "token=azul").status());
        RawHttp.Answer state = RawHttp.get(port, path(poll, "/state"));
        assertEquals(200, state.status());
        assertTrue(state.headers().contains("application/json"), state.headers());
        JsonNode s = json(state.body());
        assertTrue(s.get("open").asBoolean());
        assertEquals("[\"el\",\"cielo\",\"es\"]", s.get("prompt").toString());
        assertEquals("[\"azul\",\"cielo\",\"frío\",\"el\",\"es\"]", s.get("tokens").toString());
        assertEquals(1, s.get("votes").asInt());
        assertFalse(s.has("counts"));
        assertEquals("[0,2,1,4,3]", s.get("top").toString().substring(0, 11));
    }

    @Test
    void aLaterVoteFromTheSameAddressReplacesTheEarlierOne() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        String vote = path(poll, "/vote");
        assertEquals(204, RawHttp.vote(port, "127.0.0.2", vote, "token=azul").status());
        assertEquals(204, RawHttp.vote(port, "127.0.0.3", vote, "token=azul").status());
        assertEquals(204, RawHttp.vote(port, "127.0.0.2", vote, "token=fr%C3%ADo").status());
        PollModel.Tally t = poll.poll().tally();
        assertEquals(2, t.votes());
        assertArrayEquals(new int[] {1, 0, 1, 0, 0}, t.counts());
    }

    @Test
    void aWrongCodeOrAnyOtherPathIs404() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        String code = poll.server().code();
        String other = code.charAt(0) == 'a' ? "b" + code.substring(1) : "a" + code.substring(1);
        assertEquals(404, RawHttp.get(port, "/" + other).status());
        assertEquals(404, RawHttp.get(port, "/").status());
        assertEquals(404, RawHttp.get(port, "/" + code + "x").status());
        assertEquals(404, RawHttp.get(port, "/" + code + "/counts").status());
        assertEquals(404, RawHttp.get(port, "/" + other + "/state").status());
        assertEquals(404, RawHttp.vote(port, "127.0.0.2", "/" + other + "/vote", "token=azul").status());
        assertEquals(0, poll.poll().votes());
        assertEquals(200, RawHttp.get(port, "/" + code.toUpperCase(Locale.ROOT)).status(), "a capitalized typed code still opens");
    }

    @Test
    void aTokenNotInTheVocabularyOrAMalformedBodyIs400() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        String vote = path(poll, "/vote");
        for (String body : List.of("token=rojo", "token=", "", "azul", "tok=azul", "token=azul&token=el", "token=azul&x=1",
                "token=%zz", "token=%E2%28%A1", "token=AZUL")) {
            assertEquals(400, RawHttp.vote(port, "127.0.0.2", vote, body).status(), body);
        }
        byte[] notUtf8 = ("POST " + vote + " HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\nConnection: close\r\n\r\ntoken=")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = java.util.Arrays.copyOf(notUtf8, notUtf8.length + 2);
        request[request.length - 2] = (byte) 0xC3;
        request[request.length - 1] = (byte) 0x28;
        assertEquals(400, RawHttp.send(port, "127.0.0.2", request).status());
        assertEquals(0, poll.poll().votes());
    }

    @Test
    void aBodyOver1KbIs413WhetherItSaysSoOrNot() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        String vote = path(poll, "/vote");
        String big = "token=" + "a".repeat(1100);
        assertEquals(413, RawHttp.vote(port, "127.0.0.2", vote, big).status());
        String chunk = Integer.toHexString(big.length());
        String chunked = "POST " + vote + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + chunk + "\r\n" + big + "\r\n0\r\n\r\n";
        assertEquals(413, RawHttp.send(port, "127.0.0.2", chunked).status());
        String exactly1Kb = "token=" + "a".repeat(1024 - 6);
        assertEquals(400, RawHttp.vote(port, "127.0.0.2", vote, exactly1Kb).status(), "1 KB is read, and refused as no token");
        assertEquals(204, RawHttp.vote(port, "127.0.0.2", vote, "token=azul").status());
        assertEquals(1, poll.poll().votes());
    }

    @Test
    void moreThanFiveVotesASecondFromOneAddressIs429() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        String vote = path(poll, "/vote");
        // Ten votes pipelined on one connection: the server reads them back to back, well inside a second.
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            burst.append(RawHttp.voteRequest(vote, i % 2 == 0 ? "token=azul" : "token=el", i == 9));
        }
        String response;
        try (Socket socket = RawHttp.connect(port, "127.0.0.9")) {
            socket.getOutputStream().write(burst.toString().getBytes(StandardCharsets.UTF_8));
            response = RawHttp.readAll(socket.getInputStream());
        }
        List<Integer> statuses = RawHttp.statuses(response);
        assertEquals(10, statuses.size(), response);
        assertEquals(List.of(204, 204, 204, 204, 204), statuses.subList(0, 5));
        assertTrue(statuses.subList(5, 10).contains(429), statuses.toString());
        assertTrue(response.contains("Retry-After: 1"));
        assertEquals(1, poll.poll().votes(), "one device, one vote");
        assertEquals(204, RawHttp.vote(port, "127.0.0.10", vote, "token=es").status(), "another phone is not slowed");
    }

    @Test
    void afterThePollClosedAVoteIs410AndTheStateSaysClosed() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        assertEquals(204, RawHttp.vote(port, "127.0.0.2", path(poll, "/vote"), "token=cielo").status());
        poll.poll().close();
        assertEquals(410, RawHttp.vote(port, "127.0.0.2", path(poll, "/vote"), "token=azul").status());
        assertEquals(410, RawHttp.vote(port, "127.0.0.3", path(poll, "/vote"), "token=azul").status());
        JsonNode status = json(RawHttp.get(port, path(poll, "/status")).body());
        assertFalse(status.get("open").asBoolean());
        assertEquals(1, status.get("votes").asInt());
        assertArrayEquals(new int[] {0, 1, 0, 0, 0}, poll.poll().tally().counts());
    }

    @Test
    void theWrongMethodIs405() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        RawHttp.Answer getVote = RawHttp.get(port, path(poll, "/vote"));
        assertEquals(405, getVote.status());
        assertTrue(getVote.headers().contains("Allow: POST"), getVote.headers());
        assertEquals(405, RawHttp.vote(port, "127.0.0.2", path(poll, "/state"), "token=azul").status());
    }

    @Test
    void aHeaderFloodIsRefused() throws IOException {
        ClassPoll poll = part2();
        int port = poll.server().port();
        StringBuilder flood = new StringBuilder("GET " + path(poll, "/state") + " HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 2000; i++) {
            flood.append("X-Flood-").append(i).append(": ").append("y".repeat(20)).append("\r\n");
        }
        flood.append("Connection: close\r\n\r\n");
        assertEquals(431, RawHttp.send(port, "127.0.0.2", flood.toString()).status());
        String oneHuge = "GET " + path(poll, "/state") + " HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n";
        assertEquals(431, RawHttp.send(port, "127.0.0.2", oneHuge).status());
        assertEquals(200, RawHttp.get(port, path(poll, "/state")).status(), "the server still serves");
    }

    @Test
    void idleAndSlowConnectionsAreClosed() throws Exception {
        PollServer.Limits quick = new PollServer.Limits(500, 2_000, 50, 4096);
        ClassPoll poll = start(Composition.compute(LessonFixtures.part(2)), quick);
        int port = poll.server().port();
        try (Socket idle = RawHttp.connect(port, "127.0.0.2")) {
            assertEquals(-1, idle.getInputStream().read(), "an idle connection is closed by the server");
        }
        // A header sent a byte every 300 ms never idles for 500 ms, yet the connection ends by its 2 s limit.
        String request = "GET " + path(poll, "/state") + " HTTP/1.1\r\nHost: x\r\n" + "X-Slow: " + "s".repeat(200) + "\r\n\r\n";
        long start = System.nanoTime();
        boolean closedBeforeTheEnd = false;
        try (Socket slow = RawHttp.connect(port, "127.0.0.3")) {
            OutputStream out = slow.getOutputStream();
            try {
                for (byte b : request.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(300);
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(20)) {
                        break;
                    }
                }
            } catch (IOException reset) {
                closedBeforeTheEnd = true;
            }
            if (!closedBeforeTheEnd) {
                slow.setSoTimeout(3_000);
                InputStream in = slow.getInputStream();
                try {
                    closedBeforeTheEnd = in.read() == -1;
                } catch (IOException reset) {
                    closedBeforeTheEnd = true;
                }
            }
        }
        assertTrue(closedBeforeTheEnd, "the slow request never got an answer");
    }

    @Test
    void connectionsAreBoundedAndTheRestWaitTheirTurn() throws Exception {
        PollServer.Limits few = new PollServer.Limits(30_000, 60_000, 4, 4096);
        ClassPoll poll = start(Composition.compute(LessonFixtures.part(2)), few);
        int port = poll.server().port();
        List<Socket> holding = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = RawHttp.connect(port, "127.0.1." + (i + 1));
                // A request answered keeps the connection open (keep-alive) and proves Jetty accepted it.
                s.getOutputStream().write(("GET " + path(poll, "/status") + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] some = new byte[12];
                assertEquals(12, s.getInputStream().readNBytes(some, 0, 12));
                holding.add(s);
            }
            try (Socket fifth = RawHttp.connect(port, "127.0.1.9")) {
                fifth.getOutputStream().write(RawHttp.voteRequest(path(poll, "/vote"), "token=azul", true)
                        .getBytes(StandardCharsets.US_ASCII));
                fifth.setSoTimeout(1_000);
                boolean answered;
                try {
                    answered = fifth.getInputStream().read() != -1;
                } catch (java.net.SocketTimeoutException waiting) {
                    answered = false;
                }
                assertFalse(answered, "a fifth connection is not served while four are open");
                assertEquals(0, poll.poll().votes());
                holding.remove(0).close();
                fifth.setSoTimeout(10_000);
                RawHttp.Answer late = RawHttp.parse(RawHttp.readAll(fifth.getInputStream()));
                assertEquals(204, late.status(), "served once a slot is free: nothing lost");
                assertEquals(1, poll.poll().votes());
            }
        } finally {
            for (Socket s : holding) {
                s.close();
            }
        }
    }

    @Test
    void threeHundredPhonesVoteAndChangeTheirVoteAtOnceWithNothingLostOrCountedTwice() throws Exception {
        ClassPoll poll = part2();
        int port = poll.server().port();
        String vote = path(poll, "/vote");
        List<String> tokens = poll.poll().vocabulary().tokens();
        int phones = 300;
        ExecutorService pool = Executors.newFixedThreadPool(48);
        try {
            List<Callable<List<Integer>>> work = new ArrayList<>();
            for (int i = 0; i < phones; i++) {
                int phone = i;
                String from = "127.0." + (2 + phone / 200) + "." + (1 + phone % 200);
                work.add(() -> List.of(
                        RawHttp.vote(port, from, vote, "token=" + java.net.URLEncoder.encode(tokens.get(phone % 5),
                                StandardCharsets.UTF_8)).status(),
                        RawHttp.vote(port, from, vote, "token=" + java.net.URLEncoder.encode(tokens.get((phone * 3 + 1) % 5),
                                StandardCharsets.UTF_8)).status()));
            }
            for (Future<List<Integer>> f : pool.invokeAll(work, 120, TimeUnit.SECONDS)) {
                assertEquals(List.of(204, 204), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        int[] expected = new int[5];
        for (int i = 0; i < phones; i++) {
            expected[(i * 3 + 1) % 5]++;
        }
        PollModel.Tally t = poll.poll().tally();
        assertEquals(phones, t.votes());
        assertArrayEquals(expected, t.counts());
        assertEquals(phones, java.util.Arrays.stream(t.counts()).sum());
    }
}
