package nexttoken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.poll.PollAddresses;
import nexttoken.presenter.Presenter;
import nexttoken.view.MainWindow;
import nexttoken.view.poll.PollView;

/**
 * The class poll under load: 300 phones (distinct loopback addresses, in a process of their
 * own, see {@link PhoneSwarm}) vote at once, then all change their votes at once, against the
 * real window at 1920×1080. Reports each vote's round
 * trip, the time from a vote being sent to the pulse that lays out the projector's new count,
 * and how late the FX thread runs a task while the votes pour in (its frame budget is 16.7 ms).
 */
final class PollBenchmark {
    static final int PHONES = 300;

    private PollBenchmark() {
    }

    /** Two bursts against a poll with no window first, unrecorded: the JIT has then compiled Jetty's and the poll's paths. */
    private static void warmUp() throws Exception {
        nexttoken.poll.ClassPoll warm = nexttoken.poll.ClassPoll.start(
                nexttoken.model.Composition.compute(BuiltInLessons.load("part2")), List.of("#000000"), Locale.ENGLISH,
                InetAddress.getLoopbackAddress(), 0);
        try {
            URI link = URI.create(warm.address());
            vote(link.getPort(), link.getPath() + "/vote", List.of("azul", "cielo"), (round, ms, answered) -> { },
                    round -> { });
        } finally {
            warm.server().close();
        }
    }

    /** One vote the phones' process answered: its round, its round trip, when its 204 came (System.nanoTime). */
    private interface Vote {
        void answered(int round, double ms, long answeredAt);
    }

    /**
     * Two rounds of every phone voting at once, from the phones' own process ({@link PhoneSwarm}),
     * a pause of 300 ms after each; {@code afterRound} runs when a round's last vote is in.
     */
    private static void vote(int port, String path, List<String> tokens, Vote each,
                             java.util.function.IntConsumer afterRound) throws Exception {
        List<String> encoded = tokens.stream().map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8)).toList();
        Process swarm = startSwarm(port, path, encoded);
        try (java.io.BufferedReader fromSwarm = swarm.inputReader(StandardCharsets.UTF_8);
             java.io.PrintWriter toSwarm = new java.io.PrintWriter(swarm.outputWriter(StandardCharsets.UTF_8), true)) {
            expect(fromSwarm, swarm, "ready");
            for (int round = 0; round < 2; round++) {
                toSwarm.println("round " + round);
                for (String line; !(line = expect(fromSwarm, swarm, null)).equals("done " + round); ) {
                    String[] vote = line.split(" ");
                    each.answered(round, Double.parseDouble(vote[1]), Long.parseLong(vote[2]));
                }
                afterRound.accept(round);
                Thread.sleep(300);
            }
            toSwarm.println("end");
        } finally {
            if (!swarm.waitFor(30, TimeUnit.SECONDS)) {
                swarm.destroyForcibly();
            }
        }
    }

    static ObjectNode run(ObjectMapper json, Stage stage) throws Exception {
        warmUp();
        PollView[] poll = new PollView[1];
        Scene[] scene = new Scene[1];
        onFx(() -> {
            Presenter presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
            MainWindow view = new MainWindow(presenter);
            view.setPollNetworks(() -> List.of(new PollAddresses.Offer("loopback", InetAddress.getLoopbackAddress())));
            scene[0] = NextTokenApp.createScene(view);
            stage.setScene(scene[0]);
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.show();
            view.askTheClass();
            poll[0] = view.pollView();
        });
        // The window's first CSS and layout passes take seconds on a cold JVM: let them pass before measuring.
        for (int i = 0; i < 20; i++) {
            onFx(() -> { });
            Thread.sleep(100);
        }
        URI link = URI.create(poll[0].link());
        String path = link.getPath() + "/vote";
        int port = link.getPort();
        List<String> tokens = BuiltInLessons.load("part2").vocabulary().tokens();

        // When each count was first laid out: the count text changes on the FX thread, the next pulse lays it out.
        long[] shownAt = new long[2 * PHONES + 1];
        long[] textAt = new long[2 * PHONES + 1];
        Arrays.fill(shownAt, -1);
        // How often the FX thread changed the count, against the pulses it had: at most one change a pulse.
        java.util.concurrent.atomic.AtomicInteger countChanges = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostChangesInAPulse = new java.util.concurrent.atomic.AtomicInteger();
        int[] changesThisPulse = new int[1];
        onFx(() -> {
            poll[0].countTextProperty().addListener((o, was, is) -> {
                int n = Integer.parseInt(is.replaceAll("[^0-9]", ""));
                textAt[n] = System.nanoTime();
                countChanges.incrementAndGet();
                changesThisPulse[0]++;
            });
            scene[0].addPostLayoutPulseListener(() -> {
                pulses.incrementAndGet();
                mostChangesInAPulse.accumulateAndGet(changesThisPulse[0], Math::max);
                changesThisPulse[0] = 0;
                long now = System.nanoTime();
                for (int i = 0; i < textAt.length; i++) {
                    if (textAt[i] != 0 && shownAt[i] < 0) {
                        shownAt[i] = now;
                    }
                }
            });
        });

        // The FX thread's lateness: a task asked for every 10 ms, timed from the ask to its run.
        ConcurrentLinkedQueue<Double> fxDelays = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        pinger.scheduleAtFixedRate(() -> {
            long asked = System.nanoTime();
            Platform.runLater(() -> fxDelays.add((System.nanoTime() - asked) / 1e6));
        }, 0, 10, TimeUnit.MILLISECONDS);

        List<Double> voteMs = new ArrayList<>();
        List<Long> answeredFirstRound = new ArrayList<>();
        long[] lastAnswerRound = new long[2];
        try {
            vote(port, path, tokens, (round, ms, answered) -> {
                voteMs.add(ms);
                if (round == 0) {
                    answeredFirstRound.add(answered);
                }
            }, round -> lastAnswerRound[round] = round == 0
                    ? answeredFirstRound.stream().mapToLong(Long::longValue).max().orElseThrow() : System.nanoTime());
        } finally {
            pinger.shutdownNow();
        }
        Thread.sleep(200);
        int finalCount = poll[0].poll().votes();
        // The k-th vote answered in round one: at least k were counted then. The projector shows it at the
        // first pulse that lays out a count of k or more (counts that arrive within one pulse are shown together).
        long[] answers = answeredFirstRound.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Double> shownMs = new ArrayList<>();
        int laidOut = 0;
        for (int k = 1; k <= PHONES; k++) {
            if (shownAt[k] > 0) {
                laidOut++;
            }
            long shown = Long.MAX_VALUE;
            for (int m = k; m <= PHONES; m++) {
                if (shownAt[m] > 0) {
                    shown = Math.min(shown, shownAt[m]);
                }
            }
            // The server counts a vote before it answers, so the projector can be ahead of the phone: that is 0.
            shownMs.add(Math.max(0, (shown - answers[k - 1]) / 1e6));
        }
        double lastShownAfterLastAnswer = (shownAt[PHONES] - lastAnswerRound[0]) / 1e6;
        onFx(() -> poll[0].close());

        ObjectNode c = json.createObjectNode();
        c.put("phones", PHONES);
        c.put("phones_in", "their own JVM at nice 19, as phones are other machines");
        c.put("votes_sent", voteMs.size());
        c.put("votes_counted_at_the_end", finalCount);
        c.set("vote_ms", percentiles(json, voteMs));
        c.put("count_shown_after_last_vote_answered_ms", round(lastShownAfterLastAnswer));
        c.set("count_shown_after_vote_answered_ms", percentiles(json, shownMs));
        c.put("distinct_counts_laid_out", laidOut);
        c.put("count_changes_on_fx_thread", countChanges.get());
        c.put("pulses_while_measuring", pulses.get());
        c.put("most_count_changes_in_one_pulse", mostChangesInAPulse.get());
        c.set("fx_thread_delay_ms", percentiles(json, new ArrayList<>(fxDelays)));
        c.put("fx_thread_delay_max_ms", round(fxDelays.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        return c;
    }

    /** Phone i's address: distinct loopback addresses, so that each is one device to the server. */
    static String phoneAddress(int i) {
        return "127.0." + (20 + i / 200) + "." + (1 + i % 200);
    }

    /**
     * The phones in their own JVM at the lowest priority (see {@link PhoneSwarm}): the app's
     * process keeps the cores it would have with the phones in students' hands. Its clock is
     * this one's (System.nanoTime is the machine's monotonic clock on Linux), so its answer
     * times compare with the projector's.
     */
    private static Process startSwarm(int port, String path, List<String> tokens) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of("nice", "-n", "19",
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PhoneSwarm.class.getName(), Integer.toString(port), path));
        command.addAll(tokens);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The swarm's next line (which must be {@code wanted} when given); its death or silence fails the run. */
    private static String expect(java.io.BufferedReader from, Process swarm, String wanted) throws java.io.IOException {
        String line = from.readLine();
        if (line == null) {
            throw new IllegalStateException("the phones' process ended (exit " + swarm.onExit().join().exitValue() + ")");
        }
        if (wanted != null && !line.equals(wanted)) {
            throw new IllegalStateException("the phones' process said " + line + ", not " + wanted);
        }
        return line;
    }

    private static ObjectNode percentiles(ObjectMapper json, List<Double> values) {
        return BenchmarkTest.percentiles(json, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double round(double v) {
        return BenchmarkTest.round(v);
    }

    private static void onFx(Runnable r) throws Exception {
        BenchmarkTest.onFx(r);
    }
}
