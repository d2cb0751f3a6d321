package nexttoken.presenter;

import java.util.Objects;
import nexttoken.model.Trace;
import nexttoken.poll.PollModel;

/**
 * The class poll as every window of a session sees it: the question asked (the trace it was
 * asked at, which stays when the teacher steps on) and, when its server runs, its votes and the
 * address the phones open. A poll that could not be served still says why, so the room reads
 * what to try instead of a blank.
 *
 * @param votes             the votes, or null while nothing is served
 * @param link              {@code http://ADDR:PORT/CODE}, or null while nothing is served
 * @param notStartedBecause why the server did not start, or null (no network is the other reason)
 */
public record OpenPoll(Trace askedAbout, PollModel votes, String link, String notStartedBecause) {
    public OpenPoll {
        Objects.requireNonNull(askedAbout, "askedAbout");
        if ((votes == null) != (link == null)) {
            throw new IllegalArgumentException("votes and link come together");
        }
    }

    public static OpenPoll served(Trace askedAbout, PollModel votes, String link) {
        return new OpenPoll(askedAbout, Objects.requireNonNull(votes, "votes"), Objects.requireNonNull(link, "link"), null);
    }

    /** The machine offers no network the phones could reach. */
    public static OpenPoll noNetwork(Trace askedAbout) {
        return new OpenPoll(askedAbout, null, null, null);
    }

    public static OpenPoll notStarted(Trace askedAbout, String because) {
        return new OpenPoll(askedAbout, null, null, Objects.requireNonNull(because, "because"));
    }

    public boolean isServed() {
        return votes != null;
    }

    public boolean hasNoNetwork() {
        return votes == null && notStartedBecause == null;
    }
}
