package io.kuberouter.launcher.flags;

import java.nio.charset.StandardCharsets;

/**
 * Go's quoting rules, reproduced so that error lines read exactly as the Go binary prints them.
 * Pure functions; no state.
 */
final class GoText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {
    }

    /** {@code strconv.Quote} / {@code %q}: double quotes, Go escapes, printable Unicode kept as is. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(codePoint -> appendEscaped(out, codePoint, '"'));
        return out.append('"').toString();
    }

    /** {@code %q} applied to one byte of a shorthand group, e.g. {@code 'x'}. */
    static String quoteChar(char c) {
        StringBuilder out = new StringBuilder(4).append('\'');
        appendEscaped(out, c, '\'');
        return out.append('\'').toString();
    }

    /**
     * The private {@code quote} of Go's {@code time} package: like {@link #quote} for ASCII, but every byte of a
     * non-ASCII or control character is written as {@code \xNN}.
     */
    static String timeQuote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(codePoint -> {
            if (codePoint >= 0x80 || codePoint < ' ') {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    appendHexByte(out, b & 0xff);
                }
            } else {
                if (codePoint == '"' || codePoint == '\\') {
                    out.append('\\');
                }
                out.append((char) codePoint);
            }
        });
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int codePoint, char quote) {
        if (codePoint == quote || codePoint == '\\') {
            out.append('\\').append((char) codePoint);
        } else if (isPrintable(codePoint)) {
            out.appendCodePoint(codePoint);
        } else {
            appendControl(out, codePoint);
        }
    }

    private static void appendControl(StringBuilder out, int codePoint) {
        switch (codePoint) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> appendUnprintable(out, codePoint);
        }
    }

    private static void appendUnprintable(StringBuilder out, int codePoint) {
        if (codePoint < ' ' || codePoint == 0x7f) {
            appendHexByte(out, codePoint);
        } else if (codePoint < 0x10000) {
            out.append(String.format("\\u%04x", codePoint));
        } else {
            out.append(String.format("\\U%08x", codePoint));
        }
    }

    private static void appendHexByte(StringBuilder out, int value) {
        out.append("\\x").append(HEX[value >> 4]).append(HEX[value & 0xf]);
    }

    /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
