package nexttoken.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers are written for people. Doubles carry noise in their last digits
 * (0.8 × 1.5 is 1.2000000000000002); showing that to a class would teach the noise,
 * so {@link #plain} (files, messages) keeps {@value #SIGNIFICANT} significant digits and
 * {@link #reading} (screen, handouts, text traces) the digits that carry meaning, while
 * JSON keeps every digit.
 */
public final class NumberText {
    static final int SIGNIFICANT = 12;

    private NumberText() {
    }

    /** Rounded to 12 significant digits, at least one decimal ("1800.0"), '.' as separator. */
    public static String plain(double v) {
        return plain(v, Locale.ROOT);
    }

    /** As {@link #plain(double)}, with the decimal separator of {@code locale} (0,42 in Spanish). */
    public static String plain(double v, Locale locale) {
        if (!Double.isFinite(v)) {
            // Never shown as a value: callers report a Problem instead. Kept readable just in case.
            return v > 0 ? "inf" : v < 0 ? "-inf" : "undefined";
        }
        if (v == 0) {
            return withSeparator("0.0", locale);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(SIGNIFICANT)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        String text;
        if (magnitude >= 1e15 || magnitude < 1e-6) {
            text = rounded.toString().replace("E+", "e").replace("E", "e");
            if (!text.contains(".") && text.contains("e")) {
                text = text.replace("e", ".0e");
            }
        } else {
            text = rounded.toPlainString();
            if (!text.contains(".")) {
                text = text + ".0";
            }
        }
        return withSeparator(text, locale);
    }

    /**
     * For the screen: {@link #reading} with the language's separator and a true minus sign,
     * which is as wide as a plus and reads from the back of a room where a hyphen disappears.
     */
    public static String screen(double v, Locale locale) {
        if (!Double.isFinite(v)) {
            return "—"; // the view beside it says why; a screen never shows inf or NaN
        }
        return reading(v, locale).replace('-', '−');
    }

    /** Significant digits a long number keeps where people read it: 3.172, 0.5389, −1.098. */
    public static final int MEANINGFUL = 4;
    /**
     * A number whose shortest exact form has at most this many significant digits reads whole:
     * that is what a person types (0.5, 1800.0, 0.125) and what sums of such numbers give. A
     * number with more was computed (a quotient, a trained or dragged weight) and its last
     * digits are not what a class is there to read.
     */
    static final int SHORT = 6;

    /**
     * The one rule for a number a person reads (screen, handout, text and markdown trace; JSON
     * keeps every digit): a short number as it is ("1800.0", "0.5", "−0.25"), a long one to
     * {@value #MEANINGFUL} significant digits ("3.172", "0.5389", "−1.098", "0.03390"), whole
     * from 10,000 up ("64286"); scientific notation outside 0.0001 … 10,000,000 ("2.790e-5").
     * '.' or the language's separator, '-' as the minus sign. {@link #isRounded} says whether
     * digits were dropped, {@link #exact} gives them all.
     */
    public static String reading(double v, Locale locale) {
        if (!Double.isFinite(v)) {
            return plain(v, locale);
        }
        if (v == 0) {
            return plain(v, locale);
        }
        BigDecimal exact = digitsOf(v);
        BigDecimal rounded = rounded(v, exact);
        if (!isRounded(exact, rounded)) {
            return plain(v, locale);
        }
        double magnitude = Math.abs(rounded.doubleValue());
        String text;
        if (magnitude >= 1e7 || magnitude < 1e-4) {
            BigDecimal m = exact.round(new MathContext(MEANINGFUL));
            int exponent = m.precision() - m.scale() - 1;
            text = m.movePointLeft(exponent).toPlainString() + "e" + exponent;
        } else {
            text = rounded.toPlainString();
        }
        return withSeparator(text, locale);
    }

    /**
     * Whether {@link #reading} drops digits that {@link #plain} shows (so a worked equation says
     * "≈"): 4500 / 10620 is rounded, 0.8 × 1.5 (1.2000000000000002) is not.
     */
    public static boolean isRounded(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return false;
        }
        BigDecimal exact = digitsOf(v);
        return isRounded(exact, rounded(v, exact));
    }

    /**
     * The digits every rounding of {@link #reading} and {@link #isRounded} starts from: the
     * decimal {@link Double#toString} writes (17 digits or so, and it reads back as the same
     * double) when it rounds exactly as the double's full binary expansion does, which for 0.0123
     * has 60 digits and made each rounding a long division, dozens per slider move.
     *
     * <p>The two lie within half an ulp of each other, so they round alike to
     * {@value #MEANINGFUL} or {@value #SIGNIFICANT} significant digits, or to a whole number,
     * unless a halfway point between two roundings lies between them. Where the printed decimal
     * is within a fiftieth of a unit of such a point (an ulp is far less than that at 12 digits
     * and below) the full expansion is used, so every digit on screen is the one it gave.
     */
    static BigDecimal digitsOf(double v) {
        double magnitude = Math.abs(v);
        if (magnitude >= PRINTED_BELOW || magnitude < PRINTED_FROM) {
            return new BigDecimal(v);
        }
        BigDecimal printed = BigDecimal.valueOf(v);
        boolean nearHalf = nearHalfway(printed, MEANINGFUL) || nearHalfway(printed, SIGNIFICANT)
                || magnitude >= WHOLE_FROM && nearHalfwayAtScale(printed, 0);
        return nearHalf ? new BigDecimal(v) : printed;
    }

    /** Whether {@code d} is near a halfway point of rounding to {@code digits} significant digits. */
    private static boolean nearHalfway(BigDecimal d, int digits) {
        int leading = d.precision() - d.scale() - 1;
        return nearHalfwayAtScale(d, digits - 1 - leading);
    }

    /** Whether {@code d} is near a halfway point of rounding to {@code scale} decimals. */
    private static boolean nearHalfwayAtScale(BigDecimal d, int scale) {
        if (d.scale() <= scale) {
            return false; // nothing to drop: the rounding keeps the value
        }
        // What the rounding drops, in units of the last digit it keeps: 0 ≤ dropped < 1.
        BigDecimal kept = d.abs().movePointRight(scale);
        BigDecimal dropped = kept.subtract(new BigDecimal(kept.toBigInteger()));
        return dropped.compareTo(HALF_LOW) > 0 && dropped.compareTo(HALF_HIGH) < 0;
    }

    /**
     * Where an ulp stays under a hundredth of the last unit a rounding keeps: below 10¹², whole
     * numbers (an ulp of 2⁻¹³ there); above 10⁻³⁰⁰, twelve significant digits (subnormal doubles
     * have fewer bits than that).
     */
    private static final double PRINTED_BELOW = 1e12;
    private static final double PRINTED_FROM = 1e-300;
    private static final BigDecimal HALF_LOW = new BigDecimal("0.48");
    private static final BigDecimal HALF_HIGH = new BigDecimal("0.52");

    /** @param rounded {@code exact} as {@link #rounded} writes it */
    private static boolean isRounded(BigDecimal exact, BigDecimal rounded) {
        BigDecimal noiseless = exact.round(new MathContext(SIGNIFICANT)).stripTrailingZeros();
        return noiseless.precision() > SHORT && noiseless.compareTo(rounded) != 0;
    }

    /** Every digit the JSON trace writes, with the language's separator: what a tooltip shows. */
    public static String exact(double v, Locale locale) {
        if (!Double.isFinite(v)) {
            return plain(v, locale);
        }
        String text = Double.toString(v == 0 ? 0.0 : v);
        if (text.contains("E")) {
            text = text.replace("E", "e");
        }
        return withSeparator(text, locale);
    }

    /**
     * A logarithmic axis's tick, 10 to the {@code exponent}: written out from 0.001 to 1000
     * ("0.1", "10", "1000"), as a power beyond ("10⁵", "10⁻⁴"): "10000000.0" is read digit by digit.
     */
    public static String powerOfTen(int exponent, Locale locale) {
        if (exponent >= 0 && exponent <= 3) {
            return Long.toString((long) Math.pow(10, exponent));
        }
        if (exponent < 0 && exponent >= -3) {
            return withSeparator("0." + "0".repeat(-exponent - 1) + "1", locale);
        }
        StringBuilder out = new StringBuilder("10");
        for (char c : Integer.toString(exponent).toCharArray()) {
            out.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return out.toString();
    }

    /** {@link #exact} for the screen: the true minus sign. */
    public static String exactScreen(double v, Locale locale) {
        return Double.isFinite(v) ? exact(v, locale).replace('-', '−') : "—";
    }

    private static final double WHOLE_FROM = 1e4;

    /**
     * {@code exact} (the double {@code v} itself) to {@value #MEANINGFUL} significant digits
     * (trailing zeros kept: 0.3390), or whole from 10,000 up.
     */
    private static BigDecimal rounded(double v, BigDecimal exact) {
        if (Math.abs(v) >= WHOLE_FROM) {
            return exact.setScale(0, java.math.RoundingMode.HALF_EVEN);
        }
        return exact.round(new MathContext(MEANINGFUL));
    }

    /**
     * {@code v} rounded to {@code digits} significant digits, for numbers a person reads
     * (a loss of 0.5634189029832081 shown as 0.5634). Zero and non-finite values pass through.
     */
    public static double significant(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }

    /** A count of things (tokens, logits) with the locale's digit grouping: 200,000 / 200.000. */
    public static String count(long n, Locale locale) {
        // Made once (FORMATS): a NumberFormat per call was 2 % of a slider move at 100,000 tokens (-Pbench).
        java.text.NumberFormat format = FORMATS.get().computeIfAbsent("count " + locale.toLanguageTag(),
                k -> java.text.NumberFormat.getIntegerInstance(locale));
        return format.format(n).replace('-', '−');
    }

    /** A number with a fixed count of decimals, for percentages and probabilities on screen. */
    public static String fixed(double v, int decimals, Locale locale) {
        java.text.NumberFormat format = FORMATS.get().computeIfAbsent(decimals + " " + locale.toLanguageTag(), k -> {
            DecimalFormat f = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                    DecimalFormatSymbols.getInstance(locale));
            f.setGroupingUsed(false);
            return f;
        });
        String text = format.format(v == 0 ? 0.0 : v);
        if (text.startsWith("-") && text.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            text = text.substring(1);
        }
        return text.replace('-', '−');
    }

    /**
     * A probability as a percentage with one decimal: 0.4237 → "42.4 %". A probability that
     * is neither 0 nor 1 never reads "0.0 %" or "100.0 %": with 100,000 tokens every bar is
     * near 0.001 %, and a chart of "0.0 %" bars would hide the differences it is there to
     * show. Such a value gets two significant digits of its distance from 0 % or 100 %
     * (0.00297 % → "0.0030 %", 99.99208 % → "99.9921 %"), down to "< 0.0001 %".
     */
    public static String percent(double p, Locale locale) {
        double x = p * 100;
        String text = fixed(x, 1, locale);
        if (p > 0 && p < 1 && (x < 0.05 || x >= 99.95)) {
            boolean low = x < 50;
            double distance = low ? x : 100 - x;
            if (distance < SMALLEST_PERCENT) {
                return (low ? "< " : "> ") + fixed(low ? SMALLEST_PERCENT : 100 - SMALLEST_PERCENT, 4, locale) + " %";
            }
            text = fixed(x, 1 - (int) Math.floor(Math.log10(distance)), locale);
        }
        return text + " %";
    }

    private static final double SMALLEST_PERCENT = 1e-4;

    /**
     * Formats made once per thread (DecimalFormat is not thread-safe) and separators once per
     * language: a slider move formats dozens of numbers, and building a DecimalFormat for each
     * was a visible share of the time it takes.
     */
    private static final ThreadLocal<java.util.Map<String, java.text.NumberFormat>> FORMATS =
            ThreadLocal.withInitial(java.util.HashMap::new);
    private static final java.util.Map<Locale, Character> SEPARATORS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String withSeparator(String text, Locale locale) {
        char separator = SEPARATORS.computeIfAbsent(locale, l -> DecimalFormatSymbols.getInstance(l).getDecimalSeparator());
        return separator == '.' ? text : text.replace('.', separator);
    }
}
