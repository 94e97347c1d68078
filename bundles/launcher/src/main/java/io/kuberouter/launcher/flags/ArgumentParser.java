package io.kuberouter.launcher.flags;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads arguments with pflag's rules: {@code --flag=value}, {@code --flag value}, bool {@code --flag} (never taking
 * the next argument), shorthand groups ({@code -v 3}, {@code -v3}, {@code -v=3}, {@code -hV}), {@code --} ending
 * the flags, and non-flag arguments collected wherever they appear. Stops at the first error, as pflag does.
 */
final class ArgumentParser {

    private final Deque<String> remaining;
    private final FlagValues values = new FlagValues();

    private ArgumentParser(List<String> arguments) {
        this.remaining = new ArrayDeque<>(arguments);
    }

    /** @throws CommandLineException with pflag's message when an argument cannot be read */
    static FlagValues parse(List<String> arguments) {
        return new ArgumentParser(arguments).parseAll();
    }

    private FlagValues parseAll() {
        while (!remaining.isEmpty()) {
            String argument = remaining.removeFirst();
            if (argument.length() < 2 || argument.charAt(0) != '-') {
                values.addPositional(argument);
            } else if (argument.equals("--")) {
                remaining.forEach(values::addPositional);
                remaining.clear();
            } else if (argument.startsWith("--")) {
                parseLong(argument);
            } else {
                parseShorthands(argument);
            }
        }
        return values;
    }

    private void parseLong(String argument) {
        String body = argument.substring(2);
        if (body.startsWith("-") || body.startsWith("=")) {
            throw CommandLineException.syntax("bad flag syntax: " + argument);
        }
        int equals = body.indexOf('=');
        String name = equals < 0 ? body : body.substring(0, equals);
        Flag<?> flag = FlagRegistry.byName(name)
                .orElseThrow(() -> CommandLineException.syntax("unknown flag: --" + name));
        if (equals >= 0) {
            values.set(flag, body.substring(equals + 1));
        } else if (!flag.type().takesArgument()) {
            values.set(flag, "true");
        } else if (!remaining.isEmpty()) {
            values.set(flag, remaining.removeFirst());
        } else {
            throw CommandLineException.syntax("flag needs an argument: " + argument);
        }
    }

    private void parseShorthands(String argument) {
        String shorthands = argument.substring(1);
        while (!shorthands.isEmpty()) {
            shorthands = parseOneShorthand(shorthands);
        }
    }

    /** Applies the first letter of a shorthand group; returns the letters still to read. */
    private String parseOneShorthand(String shorthands) {
        char letter = shorthands.charAt(0);
        Flag<?> flag = FlagRegistry.byShorthand(letter).orElseThrow(() -> CommandLineException.syntax(
                "unknown shorthand flag: " + GoText.quoteChar(letter) + " in -" + shorthands));
        if (shorthands.length() > 2 && shorthands.charAt(1) == '=') {
            values.set(flag, shorthands.substring(2));
            return "";
        }
        if (!flag.type().takesArgument()) {
            values.set(flag, "true");
            return shorthands.substring(1);
        }
        if (shorthands.length() > 1) {
            values.set(flag, shorthands.substring(1));
        } else if (!remaining.isEmpty()) {
            values.set(flag, remaining.removeFirst());
        } else {
            throw CommandLineException.syntax(
                    "flag needs an argument: " + GoText.quoteChar(letter) + " in -" + shorthands);
        }
        return "";
    }
}
