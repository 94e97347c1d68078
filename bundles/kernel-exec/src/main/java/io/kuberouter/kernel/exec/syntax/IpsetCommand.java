package io.kuberouter.kernel.exec.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One line of an {@code ipset restore} script or {@code ipset save} output.
 *
 * @param line 1-based line number
 * @param text the line as written
 * @param op the command
 * @param args arguments after the command (set names, type, entry, options)
 */
public record IpsetCommand(int line, String text, Op op, List<String> args) {

    /** Commands {@code ipset restore} accepts, with their short aliases. */
    public enum Op {
        CREATE("-N"), ADD("-A"), DEL("-D"), FLUSH("-F"), DESTROY("-X"), SWAP("-W"), RENAME("-E");

        private final String alias;

        Op(String alias) {
            this.alias = alias;
        }

        /** The command for a keyword such as {@code add} or {@code -A}, or null. */
        static Op of(String word) {
            for (Op op : values()) {
                if (op.name().equalsIgnoreCase(word) || op.alias.equals(word)) {
                    return op;
                }
            }
            return null;
        }
    }

    public IpsetCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(op, "op");
        args = List.copyOf(args);
    }
}
