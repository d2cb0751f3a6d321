package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void aPercentageHasOneDecimal() {
        assertEquals("42.4 %", NumberText.percent(4500.0 / 10620.0, Locale.ENGLISH));
        assertEquals("3.4 %", NumberText.percent(360.0 / 10620.0, Locale.ENGLISH));
        assertEquals("0.1 %", NumberText.percent(0.0005, Locale.ENGLISH));
        assertEquals("99.9 %", NumberText.percent(0.999, Locale.ENGLISH));
        assertEquals("49,8 %", NumberText.percent(0.498, Locale.forLanguageTag("es")));
    }

    @Test
    void onlyZeroReadsZeroAndOnlyOneReadsAHundred() {
        assertEquals("0.0 %", NumberText.percent(0, Locale.ENGLISH));
        assertEquals("100.0 %", NumberText.percent(1, Locale.ENGLISH));
        // One token of 100,000 near the uniform share: two significant digits, not "0.0 %".
        assertEquals("0.0030 %", NumberText.percent(0.0000297, Locale.ENGLISH));
        assertEquals("0.0010 %", NumberText.percent(1e-5, Locale.ENGLISH));
        assertEquals("0.049 %", NumberText.percent(0.00049, Locale.ENGLISH));
        assertEquals("99.9921 %", NumberText.percent(0.9999208, Locale.ENGLISH));
        assertEquals("99.950 %", NumberText.percent(0.9995, Locale.ENGLISH));
        assertEquals("0,0030 %", NumberText.percent(0.0000297, Locale.forLanguageTag("es")));
        assertEquals("< 0.0001 %", NumberText.percent(1e-300, Locale.ENGLISH));
        assertEquals("> 99.9999 %", NumberText.percent(1 - 1e-12, Locale.ENGLISH));
        assertEquals("> 99.9999 %", NumberText.percent(Math.nextDown(1.0), Locale.ENGLISH));
    }

    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void aCountIsGroupedAsTheLanguageGroupsDigits() {
        assertEquals("200,000", NumberText.count(200_000, Locale.ENGLISH));
        assertEquals("200.000", NumberText.count(200_000, ES));
        assertEquals("199,996", NumberText.count(199_996, Locale.ENGLISH));
        assertEquals("3", NumberText.count(3, ES));
    }

    @Test
    void aShortNumberReadsAsTyped() {
        assertEquals("0.5", NumberText.reading(0.5, Locale.ROOT));
        assertEquals("1800.0", NumberText.reading(1800.0, Locale.ROOT));
        assertEquals("-0.25", NumberText.reading(-0.25, Locale.ROOT));
        assertEquals("0.123456", NumberText.reading(0.123456, Locale.ROOT));
        assertEquals("1234567.0", NumberText.reading(1234567.0, Locale.ROOT));
        assertEquals("1.0e-7", NumberText.reading(1e-7, Locale.ROOT));
        assertEquals("2.5e20", NumberText.reading(2.5e20, Locale.ROOT));
        assertEquals("0.0", NumberText.reading(-0.0, Locale.ROOT));
        // Noise in the last bits is not a digit a person typed or should read: 0.8 × 1.5.
        assertEquals("1.2", NumberText.reading(0.8 * 1.5, Locale.ROOT));
        assertFalse(NumberText.isRounded(0.8 * 1.5));
        assertFalse(NumberText.isRounded(1800.0));
        assertFalse(NumberText.isRounded(1234567.0));
        assertEquals("1800,0", NumberText.reading(1800.0, ES));
    }

    @Test
    void aLongNumberKeepsFourSignificantDigits() {
        assertEquals("3.172", NumberText.reading(3.17173918936, Locale.ROOT));
        assertEquals("0.4787", NumberText.reading(0.478735461362, Locale.ROOT));
        assertEquals("-1.098", NumberText.reading(-1.09768490233, Locale.ROOT));
        assertEquals("0.4237", NumberText.reading(4500.0 / 10620.0, Locale.ROOT));
        // Trailing zeros stay: they are significant, and a column of four digits lines up.
        assertEquals("0.03390", NumberText.reading(360.0 / 10620.0, Locale.ROOT));
        assertEquals("10.00", NumberText.reading(9.99996321, Locale.ROOT));
        assertEquals("666.7", NumberText.reading(2000.0 / 3, Locale.ROOT));
        assertEquals("0.0001235", NumberText.reading(0.000123456789, Locale.ROOT));
        assertTrue(NumberText.isRounded(4500.0 / 10620.0));
        assertTrue(NumberText.isRounded(0.1234567));
    }

    @Test
    void hugeNumbersAreWholeAndThenScientificAndTinyOnesScientific() {
        assertEquals("64286", NumberText.reading(450000.0 / 7, Locale.ROOT));
        assertEquals("2331235", NumberText.reading(2331234.567, Locale.ROOT));
        assertEquals("2.331e7", NumberText.reading(23312345.67, Locale.ROOT));
        assertEquals("-1.235e300", NumberText.reading(-1.23456789e300, Locale.ROOT));
        assertEquals("1.235e-7", NumberText.reading(1.23456789e-7, Locale.ROOT));
        assertEquals("2.797e-5", NumberText.reading(0.00002796610169, Locale.ROOT));
        assertEquals("−2.797e−5", NumberText.screen(-0.00002796610169, Locale.ENGLISH));
        assertEquals("1.000e-300", NumberText.reading(1.0000001e-300, Locale.ROOT));
    }

    @Test
    void theScreenUsesTheLanguageSeparatorAndATrueMinus() {
        assertEquals("−1.098", NumberText.screen(-1.09768490233, Locale.ENGLISH));
        assertEquals("−1,098", NumberText.screen(-1.09768490233, ES));
        assertEquals("0,03390", NumberText.screen(360.0 / 10620.0, ES));
        assertEquals("2,331e7", NumberText.screen(23312345.67, ES));
        assertEquals("—", NumberText.screen(Double.NaN, ES));
    }

    @Test
    void theExactValueIsEveryDigitTheJsonWrites() {
        assertEquals("0.423728813559322", NumberText.exact(4500.0 / 10620.0, Locale.ROOT));
        assertEquals("1800.0", NumberText.exact(1800.0, Locale.ROOT));
        assertEquals("1.2000000000000002", NumberText.exact(0.8 * 1.5, Locale.ROOT));
        assertEquals("−1,09768490233", NumberText.exactScreen(-1.09768490233, ES));
        assertEquals("1.23456789e-7", NumberText.exact(1.23456789e-7, Locale.ROOT));
    }

    /**
     * reading() rounds one exact expansion of the double several ways instead of expanding it
     * for each: the text must be the one the rule written out plainly gives, for every kind of
     * number (typed, computed, tiny, huge, negative, near the 10,000 and 1e-4 edges).
     */
    @Test
    void sharingTheExactExpansionWritesEveryNumberAsTheRuleSays() {
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 5) {
                case 0 -> random.nextGaussian();
                case 1 -> Math.round(random.nextGaussian() * 1000) / 1000.0;
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
                case 3 -> -random.nextDouble() * 20_000;
                default -> Math.exp(-random.nextDouble() * 20);
            };
            assertEquals(byTheRule(v), NumberText.reading(v, Locale.ROOT), "for " + v);
            assertEquals(byTheRule(v).replace('.', ','), NumberText.reading(v, ES), "for " + v);
        }
        for (double v : new double[] {0.0, -0.0, 1e-4, 9999.5, 10_000, 1e7, 4500.0 / 10620, 0.8 * 1.5, 1800.0}) {
            assertEquals(byTheRule(v), NumberText.reading(v, Locale.ROOT), "for " + v);
        }
    }

    /** The rule of NumberText.reading as first written: each rounding from its own BigDecimal. */
    private static String byTheRule(double v) {
        java.math.BigDecimal noiseless = new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros();
        java.math.BigDecimal rounded = Math.abs(v) >= 1e4
                ? new java.math.BigDecimal(v).setScale(0, java.math.RoundingMode.HALF_EVEN)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4));
        boolean isRounded = v != 0 && noiseless.precision() > 6 && noiseless.compareTo(rounded) != 0;
        if (!isRounded) {
            return NumberText.plain(v, Locale.ROOT);
        }
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e7 || magnitude < 1e-4) {
            java.math.BigDecimal m = new java.math.BigDecimal(v).round(new java.math.MathContext(4));
            int exponent = m.precision() - m.scale() - 1;
            return m.movePointLeft(exponent).toPlainString() + "e" + exponent;
        }
        return rounded.toPlainString();
    }
}
