package nexttoken.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nexttoken.model.Composition;
import nexttoken.model.Lesson;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.model.Trace;
import nexttoken.poll.ClassPoll;
import nexttoken.poll.PollAddresses;
import nexttoken.presenter.Theme;
import nexttoken.view.TokenColors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "poll", mixinStandardHelpOptions = true,
        description = {"Runs a class poll without a window: students open the printed address on their phones",
                "and vote the next word. Stops after --seconds, at the end of standard input, or on a line",
                "\"close\", then prints {\"votes\": N, \"counts\": {…}, \"model\": {…}} as one line."})
final class PollCommand extends LessonCommand {
    @Option(names = "--bind", paramLabel = "ADDR",
            description = "The IP address to listen on. Default: this computer's first network address, else 127.0.0.1.")
    String bind;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "The port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--seconds", paramLabel = "S", description = "Close the poll after S seconds.")
    Integer seconds;

    /** Standard input, replaceable by tests. */
    java.io.InputStream in = System.in;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw LessonOptions.range("--port", Integer.toString(port), "0 ≤ P ≤ 65535");
        }
        if (seconds != null && seconds <= 0) {
            throw LessonOptions.range("--seconds", Integer.toString(seconds), "S > 0");
        }
        InetAddress address = bindAddress();
        Lesson lesson = options.load();
        Trace trace = Composition.compute(lesson);
        if (!trace.isComplete()) {
            throw new UserError(trace.problem().inSource(options.source));
        }
        Locale language = lesson.language() != null ? Locale.forLanguageTag(lesson.language()) : options.interfaceLanguage();
        ClassPoll poll;
        try {
            poll = ClassPoll.start(trace, TokenColors.cssPalette(Theme.LIGHT), language, address, port);
        } catch (IOException e) {
            throw new UserError(Problem.of(ProblemKind.POLL_CANNOT_LISTEN, "--bind",
                    address.getHostAddress() + ":" + port, e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        try {
            out().println(poll.address());
            out().flush();
            waitForTheEnd();
            poll.server().poll().close();
            out().println(poll.resultJson());
            out().flush();
        } finally {
            poll.server().close();
        }
        return Cli.OK;
    }

    /** Until the seconds run out, standard input ends, or it reads a line "close". */
    private void waitForTheEnd() throws InterruptedException {
        CountDownLatch end = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.trim().equals("close")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // Standard input that cannot be read has ended, as far as the poll is concerned.
            }
            end.countDown();
        }, "poll-stdin");
        reader.setDaemon(true);
        reader.start();
        if (seconds != null) {
            end.await(seconds, TimeUnit.SECONDS);
        } else {
            end.await();
        }
    }

    private InetAddress bindAddress() {
        if (bind == null) {
            return PollAddresses.forPhones().stream().map(PollAddresses.Offer::address).findFirst()
                    .orElse(InetAddress.getLoopbackAddress());
        }
        // Only a literal address: a name would be looked up on the network, and a poll binds to this computer.
        if (!bind.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new UserError(Problem.of(ProblemKind.POLL_BAD_ADDRESS, "--bind", bind));
        }
        try {
            return InetAddress.getByName(bind);
        } catch (java.net.UnknownHostException e) {
            throw new UserError(Problem.of(ProblemKind.POLL_BAD_ADDRESS, "--bind", bind));
        }
    }
}
