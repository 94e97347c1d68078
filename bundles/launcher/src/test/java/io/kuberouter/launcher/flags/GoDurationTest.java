package io.kuberouter.launcher.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource(delimiter = '|', textBlock = """
            0                |  0
            -0               |  0
            +0               |  0
            0s               |  0
            300ms            |  300000000
            1h2m3.5s         |  3723500000000
            -1.5h            |  -5400000000000
            +5s              |  5000000000
            .5s              |  500000000
            1.s              |  1000000000
            1ns              |  1
            1us              |  1000
            1\u00b5s              |  1000
            1\u03bcs              |  1000
            1.0000000001s    |  1000000000
            2h22m            |  8520000000000
            9223372036854775807ns | 9223372036854775807
            -9223372036854775808ns | -9223372036854775808
            2562047h47m16.854775807s | 9223372036854775807
            """)
    void parsesLikeGo(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                      | time: invalid duration ""
            abc                     | time: invalid duration "abc"
            5                       | time: missing unit in duration "5"
            -                       | time: invalid duration "-"
            .s                      | time: invalid duration ".s"
            1.5                     | time: missing unit in duration "1.5"
            3x                      | time: unknown unit "x" in duration "3x"
            1d                      | time: unknown unit "d" in duration "1d"
            5 s                     | time: unknown unit " s" in duration "5 s"
            1\u00e9                      | time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"
            9223372036854775808ns   | time: invalid duration "9223372036854775808ns"
            2562048h                | time: invalid duration "2562048h"
            99999999999999999999s   | time: invalid duration "99999999999999999999s"
            """)
    void rejectsLikeGo(String text, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                 | 0s
            1                 | 1ns
            1500              | 1.5\u00b5s
            1500000           | 1.5ms
            30000000000       | 30s
            60000000000       | 1m0s
            90000000000       | 1m30s
            300000000000      | 5m0s
            360000000000      | 6m0s
            3723500000000     | 1h2m3.5s
            -5400000000000    | -1h30m0s
            65536000000000    | 18h12m16s
            -9223372036854775808 | -2562047h47m16.854775808s
            """)
    void formatsLikeGo(long nanos, String text) {
        assertEquals(text, GoDuration.format(Duration.ofNanos(nanos)));
    }
}
