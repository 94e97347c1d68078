package io.kuberouter.kernel.exec.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits and joins argument lines the way {@code iptables-restore} and {@code iptables-save} do:
 * whitespace separates arguments, double quotes group, and inside quotes {@code \"} and {@code \\}
 * escape.
 */
public final class Args {

    private Args() {
    }

    /**
     * Splits a line into arguments.
     *
     * @throws IllegalArgumentException on an unterminated quote
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder arg = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!quoted && Character.isWhitespace(c)) {
                if (arg != null) {
                    out.add(arg.toString());
                    arg = null;
                }
                continue;
            }
            arg = arg == null ? new StringBuilder() : arg;
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted && c == '\\' && i + 1 < line.length() && "\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                arg.append(line.charAt(++i));
            } else {
                arg.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (arg != null) {
            out.add(arg.toString());
        }
        return out;
    }

    /** Joins arguments with single spaces, quoting those that are empty or contain whitespace or quotes. */
    public static String join(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (a.isEmpty() || a.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
                sb.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(a);
            }
        }
        return sb.toString();
    }
}
