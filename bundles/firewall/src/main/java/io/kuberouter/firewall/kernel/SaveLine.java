package io.kuberouter.firewall.kernel;

import java.util.ArrayList;
import java.util.List;

/** Splits an {@code iptables-save} rule line into arguments: whitespace separates, double quotes group. */
final class SaveLine {

    private SaveLine() {
    }

    static List<String> split(String line) {
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
            } else if (quoted && c == '\\' && i + 1 < line.length()) {
                arg.append(line.charAt(++i));
            } else {
                arg.append(c);
            }
        }
        if (arg != null) {
            out.add(arg.toString());
        }
        return out;
    }

    /** The {@code -j} or {@code -g} target of a rule's arguments, or empty. */
    static String target(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-j") || args.get(i).equals("-g")) {
                return args.get(i + 1);
            }
        }
        return "";
    }
}
