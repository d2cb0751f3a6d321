package nexttoken.poll;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import nexttoken.model.Trace;

/**
 * A poll for one trace's context, served: what the {@code poll} command and the app's
 * "Ask the class" both start. The prompt is the text so far; the phones offer every
 * vocabulary token first by the model's ranking at the settings it started with.
 */
public final class ClassPoll {
    private final Trace trace;
    private final ModelSide model;
    private final PollServer server;

    private ClassPoll(Trace trace, ModelSide model, PollServer server) {
        this.trace = trace;
        this.model = model;
        this.server = server;
    }

    public static ClassPoll start(Trace trace, List<String> palette, Locale language, InetAddress bind, int port)
            throws IOException {
        return start(trace, palette, language, bind, port, PollServer.Limits.CLASSROOM);
    }

    public static ClassPoll start(Trace trace, List<String> palette, Locale language, InetAddress bind, int port,
                                  PollServer.Limits limits) throws IOException {
        PollModel poll = new PollModel(trace.context().text(), trace.lesson().vocabulary());
        ModelSide model = ModelSide.of(trace);
        return new ClassPoll(trace, model, new PollServer(poll, model, palette, language, bind, port, limits));
    }

    public PollServer server() {
        return server;
    }

    public PollModel poll() {
        return server.poll();
    }

    public String address() {
        return server.address();
    }

    /** The contract's result line; requires the trace the poll started from to be complete. */
    public String resultJson() {
        if (!model.defined()) {
            throw new IllegalStateException("the trace has no probabilities: " + trace.problem());
        }
        return PollJson.result(poll().tally(), trace.lesson().vocabulary(), model.probabilities());
    }
}
