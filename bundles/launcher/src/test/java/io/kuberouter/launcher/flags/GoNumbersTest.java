package io.kuberouter.launcher.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoNumbersTest {

    @ParameterizedTest(name = "ParseUint({0}, 0, {1}) = {2}")
    @CsvSource(textBlock = """
            0,          16, 0
            179,        16, 179
            65535,      16, 65535
            0x10,       16, 16
            0X1f,       16, 31
            010,        16, 8
            0o17,       16, 15
            0b101,      16, 5
            1_000,      16, 1000
            0x_ff,      16, 255
            4294967295, 32, 4294967295
            18446744073709551615, 64, -1
            """)
    void parsesUnsignedWithBasePrefix(String text, int bits, long expected) {
        assertEquals(expected, GoNumbers.parseUnsigned(text, 0, bits));
    }

    @ParameterizedTest(name = "ParseUint({0}, {1}, {2}) fails: {3}")
    @CsvSource(quoteCharacter = '\'', textBlock = """
            '',      0,  16, 'strconv.ParseUint: parsing "": invalid syntax'
            65536,   0,  16, 'strconv.ParseUint: parsing "65536": value out of range'
            256,     0,  8,  'strconv.ParseUint: parsing "256": value out of range'
            -1,      0,  64, 'strconv.ParseUint: parsing "-1": invalid syntax'
            +1,      0,  64, 'strconv.ParseUint: parsing "+1": invalid syntax'
            abc,     0,  64, 'strconv.ParseUint: parsing "abc": invalid syntax'
            08,      0,  64, 'strconv.ParseUint: parsing "08": invalid syntax'
            0x,      0,  64, 'strconv.ParseUint: parsing "0x": invalid syntax'
            1__0,    0,  64, 'strconv.ParseUint: parsing "1__0": invalid syntax'
            _1,      0,  64, 'strconv.ParseUint: parsing "_1": invalid syntax'
            1_,      0,  64, 'strconv.ParseUint: parsing "1_": invalid syntax'
            1_000,   10, 64, 'strconv.ParseUint: parsing "1_000": invalid syntax'
            0x10,    10, 64, 'strconv.ParseUint: parsing "0x10": invalid syntax'
            '\u0661', 10, 64, 'strconv.ParseUint: parsing "\u0661": invalid syntax'
            18446744073709551616, 10, 64, 'strconv.ParseUint: parsing "18446744073709551616": value out of range'
            """)
    void rejectsUnsignedLikeGo(String text, int base, int bits, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GoNumbers.parseUnsigned(text, base, bits));
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "ParseInt({0}, 10, 32) = {1}")
    @CsvSource({"0, 0", "3, 3", "+3, 3", "-2, -2", "2147483647, 2147483647", "-2147483648, -2147483648"})
    void parsesSigned(String text, long expected) {
        assertEquals(expected, GoNumbers.parseSigned(text, 32));
    }

    @ParameterizedTest(name = "ParseInt({0}, 10, 32) fails: {1}")
    @CsvSource(quoteCharacter = '\'', textBlock = """
            abc,        'strconv.ParseInt: parsing "abc": invalid syntax'
            -,          'strconv.ParseInt: parsing "-": invalid syntax'
            2147483648, 'strconv.ParseInt: parsing "2147483648": value out of range'
            0x10,       'strconv.ParseInt: parsing "0x10": invalid syntax'
            """)
    void rejectsSignedLikeGo(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> GoNumbers.parseSigned(text, 32)).getMessage());
    }

    @ParameterizedTest(name = "ParseBool({0}) = {1}")
    @CsvSource({"1, true", "t, true", "T, true", "TRUE, true", "true, true", "True, true",
            "0, false", "f, false", "F, false", "FALSE, false", "false, false", "False, false"})
    void parsesBoolLikeGo(String text, boolean expected) {
        assertEquals(expected, GoNumbers.parseBool(text));
    }

    @ParameterizedTest(name = "ParseBool({0}) fails")
    @CsvSource({"yes", "on", "tRUE", "2"})
    void rejectsBoolLikeGo(String text) {
        assertEquals("strconv.ParseBool: parsing \"" + text + "\": invalid syntax",
                assertThrows(IllegalArgumentException.class, () -> GoNumbers.parseBool(text)).getMessage());
    }
}
