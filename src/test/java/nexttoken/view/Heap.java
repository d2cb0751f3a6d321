package nexttoken.view;

import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Used heap after garbage collection, the lowest of three tries: what the app really keeps. */
final class Heap {
    private Heap() {
    }

    static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            best = Math.min(best, r.totalMemory() - r.freeMemory());
        }
        return best;
    }
}
