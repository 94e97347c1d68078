package io.kuberouter.launcher.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoCsvTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("a", List.of("a")),
                Arguments.of("a,b", List.of("a", "b")),
                Arguments.of("pw,", List.of("pw", "")),
                Arguments.of(",", List.of("", "")),
                Arguments.of(" a , b", List.of(" a ", " b")),
                Arguments.of("\"a,b\",c", List.of("a,b", "c")),
                Arguments.of("\"say \"\"hi\"\"\"", List.of("say \"hi\"")),
                Arguments.of("a,b\nc,d", List.of("a", "b")),
                Arguments.of("\n\na", List.of("a")),
                Arguments.of("a\r\n", List.of("a")),
                Arguments.of("\"x\ny\",z", List.of("x\ny", "z")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("records")
    void readsTheFirstRecord(String value, List<String> fields) {
        assertEquals(fields, GoCsv.readRecord(value));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a\"b", "parse error on line 1, column 2: bare \" in non-quoted-field"),
                Arguments.of("x,a\"b", "parse error on line 1, column 4: bare \" in non-quoted-field"),
                Arguments.of("\"a\"b", "parse error on line 1, column 3: extraneous or missing \" in quoted-field"),
                Arguments.of("\"abc", "parse error on line 1, column 5: extraneous or missing \" in quoted-field"),
                Arguments.of("\"a\nbc",
                        "record on line 1; parse error on line 2, column 3: extraneous or missing \" in quoted-field"),
                Arguments.of("\n", "EOF"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformed")
    void rejectsLikeGo(String value, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> GoCsv.readRecord(value)).getMessage());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("written")
    void writesLikeGo(List<String> fields, String text) {
        assertEquals(text, GoCsv.writeRecord(fields));
    }

    static Stream<Arguments> written() {
        return Stream.of(
                Arguments.of(List.of(), ""),
                Arguments.of(List.of("10.96.0.0/12"), "10.96.0.0/12"),
                Arguments.of(List.of("a", ""), "a,"),
                Arguments.of(List.of("a,b", "say \"hi\"", " lead"), "\"a,b\",\"say \"\"hi\"\"\",\" lead\""));
    }
}
