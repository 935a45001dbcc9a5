package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoFloatTest {

    @Test
    void matchesGoStrconvTestVectors() {
        // From Go's own strconv tests (FormatFloat(v, 'g', -1, 64)).
        assertEquals("1", GoFloat.format(1));
        assertEquals("20", GoFloat.format(20));
        assertEquals("1.2345678e+06", GoFloat.format(1234567.8));
        assertEquals("200000", GoFloat.format(200000));
        assertEquals("2e+06", GoFloat.format(2000000));
        assertEquals("-1", GoFloat.format(-1));
        assertEquals("12", GoFloat.format(12));
        assertEquals("1.234567e+08", GoFloat.format(123456700));
        assertEquals("1e+23", GoFloat.format(1e23));
        assertEquals("9.999999999999997e+22", GoFloat.format(99999999999999974834176d));
        assertEquals("1.0000000000000001e+23", GoFloat.format(100000000000000008388608d));
        assertEquals("5e-324", GoFloat.format(Double.MIN_VALUE));
        assertEquals("-5e-324", GoFloat.format(-Double.MIN_VALUE));
        assertEquals("2.2250738585072014e-308", GoFloat.format(2.2250738585072012e-308));
        assertEquals("2.225073858507201e-308", GoFloat.format(2.2250738585072011e-308));
        assertEquals("3.8326057576481645e+17", GoFloat.format(383260575764816448d));
        assertEquals("-5.8339553793802237e+23", GoFloat.format(-5.8339553793802237e+23));
    }

    @Test
    void prometheusClientSpecialCases() {
        assertEquals("0", GoFloat.format(0.0));
        assertEquals("0", GoFloat.format(-0.0));
        assertEquals("NaN", GoFloat.format(Double.NaN));
        assertEquals("+Inf", GoFloat.format(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", GoFloat.format(Double.NEGATIVE_INFINITY));
        assertEquals("0.005", GoFloat.format(0.005));
        assertEquals("1e-05", GoFloat.format(0.00001));
        assertEquals("0.0001", GoFloat.format(0.0001));
        assertEquals("2.5", GoFloat.format(2.5));
        assertEquals("12.612345678", GoFloat.format(12_612_345_678L / 1e9));
    }

    @Test
    void agreesWithShortestDigitsOnFourThousandDoubles() {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (String line : Fixtures.resource("gofloat-cases.txt").split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, space), 16));
            String expected = line.substring(space + 1);
            String actual = GoFloat.format(v);
            cases++;
            if (!expected.equals(actual)) {
                mismatches.add(line + " -> got " + actual);
            }
        }
        assertEquals(4042, cases);
        assertEquals(List.of(), mismatches);
    }
}
