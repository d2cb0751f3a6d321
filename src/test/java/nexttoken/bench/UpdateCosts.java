package nexttoken.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a run of updates cost the collector: the bytes the FX thread and the render thread
 * allocated, and the collections and their pauses. Unlike a time, the bytes per update hardly
 * depend on how fast (or how shared) the machine is, so two runs hours apart or on two machines
 * can be compared; the collections are what set the update's and the frame's p99 (README).
 */
final class UpdateCosts {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long fxThread;
    private final long renderThread;
    private final long fxBytes;
    private final long renderBytes;
    private final long collections;
    private final long collectionMs;

    private UpdateCosts(long fxThread, long renderThread) {
        this.fxThread = fxThread;
        this.renderThread = renderThread;
        this.fxBytes = allocated(fxThread);
        this.renderBytes = allocated(renderThread);
        long count = 0;
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        this.collections = count;
        this.collectionMs = ms;
    }

    /** Starts counting; {@code fxThread} is the JavaFX application thread's id. */
    static UpdateCosts start(long fxThread) {
        return new UpdateCosts(fxThread, renderThreadId());
    }

    /** What happened since {@link #start}, over {@code updates} updates. */
    Result since(int updates) {
        UpdateCosts now = new UpdateCosts(fxThread, renderThread);
        return new Result(
                (now.fxBytes - fxBytes) / 1024.0 / updates,
                renderThread < 0 ? -1 : (now.renderBytes - renderBytes) / 1024.0 / updates,
                now.collections - collections,
                now.collectionMs - collectionMs);
    }

    /** Per update: KB the FX thread and the render thread allocated; over the updates: collections and their total time. */
    record Result(double fxKbPerUpdate, double renderKbPerUpdate, long collections, long collectionMs) {
    }

    private static long allocated(long thread) {
        return thread < 0 ? 0 : Math.max(0, THREADS.getThreadAllocatedBytes(thread));
    }

    /** JavaFX's render thread (Quantum's), or −1 before the toolkit has made it. */
    private static long renderThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(FrameBreakdown.RENDER_THREAD))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }
}
