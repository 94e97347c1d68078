package io.kuberouter.kernel.exec.syntax;

import io.kuberouter.kernel.exec.syntax.IpsetCommand.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parser of {@code ipset restore} input and {@code ipset save} output (blank lines ignored). */
public final class IpsetScript {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private IpsetScript() {
    }

    /**
     * Parses every command of a script.
     *
     * @throws ScriptException on an unknown command or a wrong number of arguments
     */
    public static List<IpsetCommand> parse(CharSequence script) {
        List<IpsetCommand> commands = new ArrayList<>();
        String[] lines = script.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            List<String> words = List.of(WHITESPACE.split(text));
            Op op = IpsetCommand.Op.of(words.get(0));
            if (op == null) {
                throw new ScriptException(i + 1, text, "unknown command '" + words.get(0) + "'");
            }
            List<String> args = words.subList(1, words.size());
            if (!arityOk(op, args.size())) {
                throw new ScriptException(i + 1, text, "wrong number of arguments for " + words.get(0));
            }
            commands.add(new IpsetCommand(i + 1, text, op, args));
        }
        return commands;
    }

    private static boolean arityOk(Op op, int n) {
        return switch (op) {
            case CREATE, ADD, DEL -> n >= 2;
            case FLUSH, DESTROY -> n <= 1;
            case SWAP, RENAME -> n == 2;
        };
    }
}
