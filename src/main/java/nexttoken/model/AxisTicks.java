package nexttoken.model;

/**
 * Where an axis puts its labelled ticks: on round numbers a class reads at a glance
 * (0, 0.5, 1.0, 1.5, 2.0 — not 0.483, 0.966, 1.449), and far enough apart to be few.
 */
public final class AxisTicks {
    /** The multiples of a power of ten a step may be: 1, 2, 2.5 or 5 of it. */
    private static final double[] ROUND_STEPS = {1, 2, 2.5, 5, 10};

    /** The ticks from {@code first} to {@code last}, evenly spaced; the axis spans exactly them. */
    public record Ticks(double[] values) {
        public double first() {
            return values[0];
        }

        public double last() {
            return values[values.length - 1];
        }
    }

    private AxisTicks() {
    }

    /**
     * A linear axis from 0 up to the first round tick at or above {@code max}, with at most
     * {@code most} steps: max 1.932 and 4 steps give 0, 0.5, 1.0, 1.5, 2.0.
     */
    public static Ticks fromZero(double max, int most) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return new Ticks(new double[] {0, 1});
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max / most)));
        double step = magnitude * 10;
        for (double m : ROUND_STEPS) {
            if (m * magnitude * most >= max * (1 - 1e-12)) {
                step = m * magnitude;
                break;
            }
        }
        int count = (int) Math.ceil(max / step - 1e-9);
        double[] values = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            // i × step, rounded to the step's own digits: 3 × 0.1 is 0.30000000000000004.
            values[i] = NumberText.significant(i * step, 12);
        }
        return new Ticks(values);
    }

    /**
     * The multiples of {@code step} from {@code low} up to {@code high}, at most {@code most} of
     * them: the grid lines of a chart whose range is its data's (the scatter, the positions).
     * Counted, so that a point dragged to 1e300, where adding a step no longer changes the sum,
     * gives a few lines and stops; a range or step that is not finite gives none.
     */
    public static double[] multiplesOf(double step, double low, double high, int most) {
        if (!(step > 0) || !Double.isFinite(step) || !Double.isFinite(low) || !Double.isFinite(high)) {
            return new double[0];
        }
        double first = Math.ceil(low / step) * step;
        int count = 0;
        while (count < most && first + count * step <= high) {
            count++;
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = first + i * step;
        }
        return values;
    }

    /**
     * A logarithmic axis from the power of ten at or below {@code min} to the one at or above
     * {@code max}, every power (or every second, third… when there are more than {@code most}).
     */
    public static Ticks powersOfTen(double min, double max, int most) {
        int lo = (int) Math.floor(Math.log10(min));
        int hi = (int) Math.ceil(Math.log10(max));
        if (hi <= lo) {
            hi = lo + 1;
        }
        int every = Math.max(1, (int) Math.ceil((hi - lo) / (double) most));
        hi = lo + (int) Math.ceil((hi - lo) / (double) every) * every;
        double[] values = new double[(hi - lo) / every + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble("1e" + (lo + i * every));
        }
        return new Ticks(values);
    }
}
