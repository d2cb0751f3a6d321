package nexttoken.poll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@link #PER_SECOND} votes a second from one address (contracts.md: more get 429).
 * A sliding window of the last accepted votes' times per address; what was refused does not
 * count, so a phone that backs off gets through again.
 */
final class VoteRate {
    static final int PER_SECOND = 5;
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final LongSupplier nanoClock;
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    VoteRate(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** True and remembered when the address may vote now; false when it has used up this second. */
    synchronized boolean allow(String address) {
        long now = nanoClock.getAsLong();
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>(PER_SECOND));
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.removeFirst();
        }
        if (times.size() >= PER_SECOND) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
