package io.kuberouter.kernel.exec.process;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of one finished process.
 *
 * @param command the command line that ran (after any namespace prefix)
 * @param exitCode exit status
 * @param stdout standard output (UTF-8)
 * @param stderr standard error (UTF-8)
 */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {

    public ProcessResult {
        command = List.copyOf(command);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }
}
