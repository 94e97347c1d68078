package io.kuberouter.launcher.flags;

import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration} and {@code time.Duration.String}, reproduced to the byte: same grammar
 * ({@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}, or {@code 0}), same int64-nanosecond overflow limits, same error texts.
 * Arithmetic is unsigned 64-bit like Go's, using {@code Long}'s unsigned helpers.
 */
final class GoDuration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** 1 << 63 as an unsigned 64-bit value. */
    private static final long TWO_POW_63 = Long.MIN_VALUE;
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", NANOS_PER_SECOND,
            "m", 60 * NANOS_PER_SECOND,
            "h", 3600 * NANOS_PER_SECOND);

    private GoDuration() {
    }

    /**
     * Parses like {@code time.ParseDuration}.
     *
     * @throws IllegalArgumentException with Go's message, e.g. {@code time: invalid duration "abc"}
     */
    static Duration parse(String text) {
        String rest = text;
        boolean negative = false;
        if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw invalid(text);
        }
        long total = new Scanner(text, rest).sumOfTerms();
        if (negative) {
            return Duration.ofNanos(-total);
        }
        if (total < 0) {
            throw invalid(text);
        }
        return Duration.ofNanos(total);
    }

    /** Formats like {@code time.Duration.String}, e.g. {@code 5m0s}, {@code 1h2m3.5s}, {@code 1.5ms}, {@code 0s}. */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        long magnitude = nanos < 0 ? -nanos : nanos;
        String text = Long.compareUnsigned(magnitude, NANOS_PER_SECOND) < 0
                ? formatSubSecond(magnitude)
                : formatSeconds(magnitude);
        return nanos < 0 ? "-" + text : text;
    }

    private static String formatSubSecond(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return withFraction(nanos, 3) + "\u00b5s";
        }
        return withFraction(nanos, 6) + "ms";
    }

    private static String formatSeconds(long nanos) {
        String seconds = withFraction(Long.remainderUnsigned(nanos, 60 * NANOS_PER_SECOND), 9) + "s";
        long minutes = Long.divideUnsigned(nanos, 60 * NANOS_PER_SECOND);
        if (minutes == 0) {
            return seconds;
        }
        String minutesAndSeconds = (minutes % 60) + "m" + seconds;
        long hours = minutes / 60;
        return hours == 0 ? minutesAndSeconds : hours + "h" + minutesAndSeconds;
    }

    /** {@code value / 10^precision} with the fraction's trailing zeros (and a bare point) omitted. */
    private static String withFraction(long value, int precision) {
        long scale = (long) Math.pow(10, precision);
        String integer = Long.toUnsignedString(Long.divideUnsigned(value, scale));
        String fraction = String.format("%0" + precision + "d", Long.remainderUnsigned(value, scale));
        fraction = fraction.replaceFirst("0+$", "");
        return fraction.isEmpty() ? integer : integer + "." + fraction;
    }

    private static IllegalArgumentException invalid(String original) {
        return new IllegalArgumentException("time: invalid duration " + GoText.timeQuote(original));
    }

    /** Walks the unsigned terms of one duration string ("1h", "2.5m", ...), summing nanoseconds. */
    private static final class Scanner {
        private final String original;
        private final String text;
        private int position;
        /** 10^(fraction digits kept) of the term being scanned. */
        private double fractionScale;

        Scanner(String original, String text) {
            this.original = original;
            this.text = text;
        }

        long sumOfTerms() {
            long total = 0;
            while (position < text.length()) {
                total += term();
                if (Long.compareUnsigned(total, TWO_POW_63) > 0) {
                    throw invalid(original);
                }
            }
            return total;
        }

        private long term() {
            if (!isDigitOrPoint(text.charAt(position))) {
                throw invalid(original);
            }
            int start = position;
            long integer = leadingInteger();
            boolean hasInteger = position > start;
            long fraction = 0;
            fractionScale = 1;
            boolean hasFraction = false;
            if (position < text.length() && text.charAt(position) == '.') {
                position++;
                int fractionStart = position;
                fraction = leadingFraction();
                hasFraction = position > fractionStart;
            }
            if (!hasInteger && !hasFraction) {
                throw invalid(original);
            }
            return scaled(integer, fraction, unit());
        }

        private long scaled(long integer, long fraction, long unit) {
            if (Long.compareUnsigned(integer, Long.divideUnsigned(TWO_POW_63, unit)) > 0) {
                throw invalid(original);
            }
            long value = integer * unit;
            if (fraction > 0) {
                value += (long) (fraction * (unit / fractionScale));
                if (Long.compareUnsigned(value, TWO_POW_63) > 0) {
                    throw invalid(original);
                }
            }
            return value;
        }

        private long unit() {
            int start = position;
            while (position < text.length() && !isDigitOrPoint(text.charAt(position))) {
                position++;
            }
            if (position == start) {
                throw new IllegalArgumentException("time: missing unit in duration " + GoText.timeQuote(original));
            }
            String unit = text.substring(start, position);
            Long nanos = UNITS.get(unit);
            if (nanos == null) {
                throw new IllegalArgumentException("time: unknown unit " + GoText.timeQuote(unit)
                        + " in duration " + GoText.timeQuote(original));
            }
            return nanos;
        }

        private long leadingInteger() {
            long value = 0;
            while (position < text.length() && isDigit(text.charAt(position))) {
                if (Long.compareUnsigned(value, Long.divideUnsigned(TWO_POW_63, 10)) > 0) {
                    throw invalid(original);
                }
                value = value * 10 + (text.charAt(position++) - '0');
                if (Long.compareUnsigned(value, TWO_POW_63) > 0) {
                    throw invalid(original);
                }
            }
            return value;
        }

        /** Digits after the point; stops accumulating precision (never fails) once 63 bits are exceeded. */
        private long leadingFraction() {
            long value = 0;
            boolean overflow = false;
            while (position < text.length() && isDigit(text.charAt(position))) {
                int digit = text.charAt(position++) - '0';
                if (overflow || value > Long.MAX_VALUE / 10) {
                    overflow = true;
                    continue;
                }
                long next = value * 10 + digit;
                if (Long.compareUnsigned(next, TWO_POW_63) > 0) {
                    overflow = true;
                    continue;
                }
                value = next;
                fractionScale *= 10;
            }
            return value;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isDigitOrPoint(char c) {
            return c == '.' || isDigit(c);
        }
    }
}
