package nexttoken.poll;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import nexttoken.model.Vocabulary;

/**
 * One class poll: the prompt, the vocabulary the class picks from, and one vote per
 * device. No toolkit and no network: the server and the projector both read it, from
 * different threads, so every method is synchronized (a class of phones is a few hundred
 * votes; contention is not the cost that matters).
 */
public final class PollModel {
    /** What became of a vote. */
    public enum VoteOutcome { COUNTED, REPLACED, UNKNOWN_TOKEN, CLOSED }

    private final List<String> prompt;
    private final Vocabulary vocabulary;
    /** The device's address → the vocabulary index it voted for; a later vote replaces it. */
    private final Map<String, Integer> votes = new HashMap<>();
    private final int[] counts;
    private boolean open = true;
    private boolean revealed;
    private long revision;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public PollModel(List<String> prompt, Vocabulary vocabulary) {
        this.prompt = List.copyOf(prompt);
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.counts = new int[vocabulary.size()];
    }

    public List<String> prompt() {
        return prompt;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Records a device's vote for a token, given as its text; the text is only looked up, never kept. */
    public VoteOutcome vote(String device, String token) {
        Objects.requireNonNull(device, "device");
        OptionalInt index = token == null ? OptionalInt.empty() : vocabulary.indexOf(token);
        VoteOutcome outcome;
        synchronized (this) {
            if (!open) {
                return VoteOutcome.CLOSED;
            }
            if (index.isEmpty()) {
                return VoteOutcome.UNKNOWN_TOKEN;
            }
            Integer before = votes.put(device, index.getAsInt());
            if (before != null) {
                counts[before]--;
            }
            counts[index.getAsInt()]++;
            revision++;
            outcome = before == null ? VoteOutcome.COUNTED : VoteOutcome.REPLACED;
        }
        fireChanged();
        return outcome;
    }

    public synchronized int votes() {
        return votes.size();
    }

    public synchronized boolean isOpen() {
        return open;
    }

    public synchronized boolean isRevealed() {
        return revealed;
    }

    /** Bumped by every vote, close and reveal, so a reader can tell whether anything changed. */
    public synchronized long revision() {
        return revision;
    }

    /** Stops voting; later votes are refused. Closing twice is harmless. */
    public void close() {
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            revision++;
        }
        fireChanged();
    }

    /** Shows the split: voting ends first, so nobody changes their vote to follow the others. */
    public void reveal() {
        synchronized (this) {
            if (revealed) {
                return;
            }
            open = false;
            revealed = true;
            revision++;
        }
        fireChanged();
    }

    /** The votes so far as one consistent snapshot. */
    public synchronized Tally tally() {
        return new Tally(votes.size(), counts.clone(), open, revealed, revision);
    }

    /** Called after each change, on the thread that made it (a server thread for a vote). */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fireChanged() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /**
     * The votes at one moment.
     *
     * @param counts votes per vocabulary index; they add up to {@code votes}
     */
    public record Tally(int votes, int[] counts, boolean open, boolean revealed, long revision) {
        /** The class's share of a token, 0 when nobody has voted (never 0/0). */
        public double share(int tokenIndex) {
            return votes == 0 ? 0 : (double) counts[tokenIndex] / votes;
        }

        public Map<String, Integer> countsByToken(Vocabulary vocabulary) {
            Map<String, Integer> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                out.put(vocabulary.token(i), counts[i]);
            }
            return out;
        }
    }
}
