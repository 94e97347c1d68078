package io.kuberouter.launcher.flags;

import java.math.BigInteger;

/**
 * Go's {@code strconv.ParseUint}, {@code ParseInt} and {@code ParseBool} as pflag and klog call them, with the
 * same accepted syntax (base 0 prefixes {@code 0x 0o 0b 0} and digit-separating underscores) and the same error
 * texts, e.g. {@code strconv.ParseUint: parsing "70000": value out of range}.
 */
final class GoNumbers {

    private GoNumbers() {
    }

    /**
     * {@code strconv.ParseUint(text, base, bits)}; base 0 means "from the prefix", as pflag's scalar uint flags use.
     *
     * @return the value as an unsigned 64-bit long
     * @throws IllegalArgumentException with Go's syntax or range error text
     */
    static long parseUnsigned(String text, int base, int bits) {
        return parseUnsigned("strconv.ParseUint", text, text, base, bits);
    }

    /** {@code strconv.ParseInt(text, 10, bits)}: an optional sign, then decimal digits. */
    static long parseSigned(String text, int bits) {
        String function = "strconv.ParseInt";
        boolean negative = text.startsWith("-");
        String digits = negative || text.startsWith("+") ? text.substring(1) : text;
        long magnitude = parseUnsigned(function, text, digits, 10, 64);
        long cutoff = 1L << (bits - 1);
        if (Long.compareUnsigned(magnitude, negative ? cutoff : cutoff - 1) > 0) {
            throw new IllegalArgumentException(rangeError(function, text));
        }
        return negative ? -magnitude : magnitude;
    }

    /** {@code strconv.ParseBool}: 1 t T TRUE true True 0 f F FALSE false False. */
    static boolean parseBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException(syntaxError("strconv.ParseBool", text));
        };
    }

    private static long parseUnsigned(String function, String original, String text, int base, int bits) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(syntaxError(function, original));
        }
        boolean prefixed = base == 0;
        int radix = prefixed ? radixOf(text) : base;
        String digits = prefixed ? text.substring(prefixLength(text, radix)) : text;
        BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger value = BigInteger.ZERO;
        for (char c : digits.toCharArray()) {
            if (c == '_' && prefixed) {
                continue;
            }
            int digit = c < 128 ? Character.digit(c, 36) : -1;
            if (digit < 0 || digit >= radix) {
                throw new IllegalArgumentException(syntaxError(function, original));
            }
            value = value.multiply(BigInteger.valueOf(radix)).add(BigInteger.valueOf(digit));
            if (value.compareTo(max) > 0) {
                throw new IllegalArgumentException(rangeError(function, original));
            }
        }
        if (prefixed && text.indexOf('_') >= 0 && !underscoresWellPlaced(text)) {
            throw new IllegalArgumentException(syntaxError(function, original));
        }
        return value.longValue();
    }

    private static int radixOf(String text) {
        if (text.charAt(0) != '0') {
            return 10;
        }
        if (text.length() >= 3) {
            switch (Character.toLowerCase(text.charAt(1))) {
                case 'b':
                    return 2;
                case 'o':
                    return 8;
                case 'x':
                    return 16;
                default:
                    break;
            }
        }
        return 8;
    }

    private static int prefixLength(String text, int radix) {
        if (radix == 10) {
            return 0;
        }
        return radix == 8 && (text.length() < 3 || Character.toLowerCase(text.charAt(1)) != 'o') ? 1 : 2;
    }

    /** Go's {@code underscoreOK}: underscores only between digits, or between a base prefix and a digit. */
    private static boolean underscoresWellPlaced(String text) {
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (text.length() >= 2 && text.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(text.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(text.charAt(1)) == 'x';
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || hex && "abcdef".indexOf(Character.toLowerCase(c)) >= 0) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else if (saw == '_') {
                return false;
            } else {
                saw = '!';
            }
        }
        return saw != '_';
    }

    private static String syntaxError(String function, String text) {
        return function + ": parsing " + GoText.quote(text) + ": invalid syntax";
    }

    private static String rangeError(String function, String text) {
        return function + ": parsing " + GoText.quote(text) + ": value out of range";
    }
}
