package nexttoken.bench;

/** How fast the machine was while the benchmark ran (the report's reference_workload_ms). */
final class ReferenceWorkload {
    private ReferenceWorkload() {
    }

    /**
     * The same fixed arithmetic on one core (a million exponentials and sums, compiled by the
     * JIT first), best of seven, in ms. Nothing of NextToken is in it: it says how fast this
     * machine ran while the benchmark did, so that a report from a slower machine or a busier
     * hour is read as such.
     */
    static double ms() {
        double sink = 0;
        for (int i = 0; i < 5; i++) {
            sink += workload(200_000);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            sink += workload(1_000_000);
            best = Math.min(best, System.nanoTime() - t0);
        }
        if (sink == 42) {
            System.out.println(sink); // keeps the loop's result alive, so the JIT cannot drop it
        }
        return Math.round(best / 1e4) / 100.0;
    }

    private static double workload(int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(-(i & 1023) / 256.0);
        }
        return s;
    }
}
