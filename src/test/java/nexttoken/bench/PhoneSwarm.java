package nexttoken.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nexttoken.poll.RawHttp;

/**
 * The class's phones, in a process of their own: real phones are other machines, so the votes
 * they send must not take the teacher's laptop's cores from the app being measured.
 * {@link PollBenchmark} starts it at the lowest priority ({@code nice -n 19}) and drives it
 * over its standard streams.
 *
 * <p>Arguments: port, vote path, then the tokens to vote (already URL-encoded). Each line
 * {@code round R} on standard input sends every phone's vote at once ({@link PollBenchmark#PHONES}
 * phones on distinct loopback addresses, phone i voting token (i·(R+2)+R) mod the token count),
 * and answers one line per vote, {@code vote ms answeredNanoTime}, then {@code done R}. A vote
 * not answered 204 ends the process with its status on standard error.
 */
public final class PhoneSwarm {
    private PhoneSwarm() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String path = args[1];
        List<String> tokens = List.of(args).subList(2, args.length);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ExecutorService phones = Executors.newFixedThreadPool(64);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("ready");
            for (String line; (line = in.readLine()) != null && line.startsWith("round "); ) {
                int round = Integer.parseInt(line.substring("round ".length()));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < PollBenchmark.PHONES; i++) {
                    String from = PollBenchmark.phoneAddress(i);
                    String token = tokens.get((i * (round + 2) + round) % tokens.size());
                    answers.add(phones.submit(() -> {
                        go.await();
                        long t0 = System.nanoTime();
                        int status = RawHttp.vote(port, from, path, "token=" + token).status();
                        long answered = System.nanoTime();
                        if (status != 204) {
                            throw new IllegalStateException("vote from " + from + " answered " + status);
                        }
                        return "vote " + (answered - t0) / 1e6 + " " + answered;
                    }));
                }
                go.countDown();
                for (Future<String> f : answers) {
                    out.println(f.get(2, TimeUnit.MINUTES));
                }
                out.println("done " + round);
            }
        } catch (Exception e) {
            System.err.println(e);
            System.exit(2);
        } finally {
            phones.shutdownNow();
        }
    }
}
