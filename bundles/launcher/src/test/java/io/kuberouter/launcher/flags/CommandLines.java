package io.kuberouter.launcher.flags;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

/** Shorthands for tests: parse a command line and expect one kind of outcome. */
final class CommandLines {

    private CommandLines() {
    }

    static Options run(String... arguments) {
        Outcome outcome = CommandLine.parse(List.of(arguments));
        return assertInstanceOf(Outcome.Run.class, outcome, () -> "expected Run, got " + outcome).options();
    }

    static Outcome.Invalid invalid(String... arguments) {
        Outcome outcome = CommandLine.parse(List.of(arguments));
        return assertInstanceOf(Outcome.Invalid.class, outcome, () -> "expected Invalid, got " + outcome);
    }

    static String error(String... arguments) {
        return invalid(arguments).message();
    }
}
