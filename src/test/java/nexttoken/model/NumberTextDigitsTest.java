package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NumberText#reading} rounds the decimal a double prints as instead of its full binary
 * expansion (a speed-up): every text and every "≈" must be what the full expansion gives. The
 * reference here is the rule written against the expansion, as NumberText had it.
 */
class NumberTextDigitsTest {

    @Test
    void everyReadingIsTheOneTheFullExpansionGives() {
        for (double v : cases()) {
            assertEquals(expected(v), NumberText.reading(v, Locale.ROOT), () -> "reading of " + new BigDecimal(v));
            assertEquals(expectedIsRounded(v), NumberText.isRounded(v), () -> "isRounded of " + new BigDecimal(v));
        }
    }

    @Test
    void theCasesHoldDoublesWhosePrintedDecimalRoundsOtherwise() {
        // Without these the test above could not tell the guard from its absence: doubles whose
        // printed decimal, rounded as it stands, reads otherwise than the double itself.
        long differ = cases().stream().filter(v -> !expected(v).equals(naive(v))).count();
        assertTrue(differ >= 10, "cases where the printed decimal rounds otherwise: " + differ);
    }

    /** Random doubles of every magnitude the screen shows, short decimals and their noise, and the doubles either side of halfway points. */
    private static List<Double> cases() {
        List<Double> out = new ArrayList<>();
        Random random = new Random(2026);
        for (int i = 0; i < 40_000; i++) {
            double magnitude = Math.pow(10, random.nextDouble() * 30 - 15);
            out.add((random.nextBoolean() ? 1 : -1) * magnitude * random.nextDouble());
        }
        for (int i = 0; i < 20_000; i++) {
            // What a class types and what the model makes of it: 0.8 × 1.5, 4500 / 10620.
            double a = Math.round(random.nextDouble() * 20000 - 10000) / Math.pow(10, random.nextInt(6));
            double b = Math.round(random.nextDouble() * 20000 - 10000) / Math.pow(10, random.nextInt(6));
            out.add(a);
            out.add(a * b);
            if (b != 0) {
                out.add(a / b);
            }
        }
        for (int i = 0; i < 20_000; i++) {
            // Halfway points of four and of twelve significant digits and of whole numbers, and their neighbours.
            int digits = random.nextBoolean() ? 4 : 12;
            StringBuilder tie = new StringBuilder().append(1 + random.nextInt(9)).append('.');
            for (int d = 1; d < digits; d++) {
                tie.append(random.nextInt(10));
            }
            tie.append('5').append('e').append(random.nextInt(24) - 12);
            double t = Double.parseDouble(tie.toString());
            out.add(t);
            out.add(Math.nextUp(t));
            out.add(Math.nextDown(t));
            double whole = Math.floor(10_000 + random.nextDouble() * 1e11) + 0.5;
            out.add(whole);
            out.add(Math.nextUp(whole));
            out.add(Math.nextDown(whole));
        }
        for (double v : new double[] {1e-7, 1e-4, 9.99995e-5, 1e4, 9999.5, 9999.95, 1e7, 9999999.5, 1e12, 1e-300, 1.5e-300,
                Math.nextDown(1e12), 1e15, 0.1, 0.2, 0.3, 0.1 + 0.2, 4500.0 / 10620.0, 1800.0, Math.nextDown(1.0), Double.MIN_VALUE,
                Double.MAX_VALUE}) {
            out.add(v);
            out.add(-v);
        }
        return out;
    }

    // ---- the rule against the full expansion (NumberText before it printed first) ----

    private static String expected(double v) {
        return readingOf(v, v == 0 || !Double.isFinite(v) ? null : new BigDecimal(v));
    }

    /** The rule applied to the printed decimal with no guard. */
    private static String naive(double v) {
        return readingOf(v, v == 0 || !Double.isFinite(v) ? null : BigDecimal.valueOf(v));
    }

    private static String readingOf(double v, BigDecimal exact) {
        if (exact == null) {
            return NumberText.plain(v, Locale.ROOT);
        }
        BigDecimal rounded = rounded(v, exact);
        if (!isRounded(exact, rounded)) {
            return NumberText.plain(v, Locale.ROOT);
        }
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e7 || magnitude < 1e-4) {
            BigDecimal m = exact.round(new MathContext(NumberText.MEANINGFUL));
            int exponent = m.precision() - m.scale() - 1;
            return m.movePointLeft(exponent).toPlainString() + "e" + exponent;
        }
        return rounded.toPlainString();
    }

    private static boolean expectedIsRounded(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return false;
        }
        BigDecimal exact = new BigDecimal(v);
        return isRounded(exact, rounded(v, exact));
    }

    private static boolean isRounded(BigDecimal exact, BigDecimal rounded) {
        BigDecimal noiseless = exact.round(new MathContext(NumberText.SIGNIFICANT)).stripTrailingZeros();
        return noiseless.precision() > NumberText.SHORT && noiseless.compareTo(rounded) != 0;
    }

    private static BigDecimal rounded(double v, BigDecimal exact) {
        if (Math.abs(v) >= 1e4) {
            return exact.setScale(0, java.math.RoundingMode.HALF_EVEN);
        }
        return exact.round(new MathContext(NumberText.MEANINGFUL));
    }
}
