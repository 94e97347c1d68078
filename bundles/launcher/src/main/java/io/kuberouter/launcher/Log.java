package io.kuberouter.launcher;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** The launcher's log lines, in the same layout as the bundles' slf4j-simple lines. */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final PrintStream out;

    Log(PrintStream out) {
        this.out = out;
    }

    void info(String message) {
        line("INFO", message);
    }

    void warn(String message) {
        line("WARN", message);
    }

    void error(String message) {
        line("ERROR", message);
    }

    private void line(String level, String message) {
        out.println(OffsetDateTime.now().format(TIME) + " [" + Thread.currentThread().getName() + "] " + level
                + " launcher - " + message);
    }
}
