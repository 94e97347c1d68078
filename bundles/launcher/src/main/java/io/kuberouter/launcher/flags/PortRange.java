package io.kuberouter.launcher.flags;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NodePort range of {@code --service-node-port-range}: {@code first-last} or {@code first:last}, both
 * decimal 16-bit ports, first strictly below last (upstream's network policy controller rule and wording).
 * {@link #toString()} is the canonical hyphen form.
 */
public record PortRange(int first, int last) {

    private static final Pattern SYNTAX = Pattern.compile("([0-9]+)[:-]([0-9]+)");

    /**
     * @throws IllegalArgumentException with upstream's message, e.g.
     *         {@code failed to parse node port range given: 'x' please see specification in help text}
     */
    public static PortRange parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "failed to parse node port range given: '" + text + "' please see specification in help text");
        }
        int first = port(matcher.group(1), "could not parse first port number from range given: '" + text + "'");
        int last = port(matcher.group(2), "could not parse second port number from range given: '" + text + "'");
        if (first >= last) {
            throw new IllegalArgumentException(
                    "port 1 is greater than or equal to port 2 in range given: '" + text + "'");
        }
        return new PortRange(first, last);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }

    private static int port(String digits, String failure) {
        try {
            return (int) GoNumbers.parseUnsigned(digits, 10, 16);
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalArgumentException(failure, outOfRange);
        }
    }
}
