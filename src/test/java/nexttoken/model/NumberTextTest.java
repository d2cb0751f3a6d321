package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
