package io.kuberouter.kernel.exec.process;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one external command to completion. The seam that keeps the netfilter services unit-testable:
 * tests substitute a scripted runner.
 */
@FunctionalInterface
public interface ProcessRunner {

    /**
     * Starts {@code command}, streams {@code stdin} into it (then closes it), collects stdout and stderr
     * and waits for the exit. A non-zero exit is a normal result, not an exception.
     *
     * @throws KernelException the command could not be started (ENOENT/EACCES) or did not finish
     *         within {@code timeout} (ETIMEDOUT; the process is killed)
     */
    ProcessResult run(List<String> command, CharSequence stdin, Duration timeout) throws KernelException;

    /**
     * This runner with every command run inside network namespace {@code ns}: prefixed with
     * {@code ip netns exec NAME} for a named namespace, {@code nsenter --net=PATH} otherwise.
     */
    default ProcessRunner inNetns(NetnsRef ns) {
        List<String> prefix = ns.isNamed() ? List.of("ip", "netns", "exec", ns.name())
                : List.of("nsenter", "--net=" + ns.path());
        return (command, stdin, timeout) -> {
            List<String> full = new ArrayList<>(prefix);
            full.addAll(command);
            return run(full, stdin, timeout);
        };
    }
}
