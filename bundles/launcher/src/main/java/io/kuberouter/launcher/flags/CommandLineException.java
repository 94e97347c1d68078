package io.kuberouter.launcher.flags;

/**
 * A command line kube-router would refuse, carrying the one-line message and the exit status upstream uses:
 * 2 for what pflag rejects while parsing, 1 for what kube-router rejects afterwards.
 */
final class CommandLineException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitStatus;

    private CommandLineException(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    /** Rejected while parsing (pflag's {@code ExitOnError}: exit status 2). */
    static CommandLineException syntax(String message) {
        return new CommandLineException(message, 2);
    }

    /** Rejected by kube-router's start-up checks (its {@code main} returns an error: exit status 1). */
    static CommandLineException startup(String message) {
        return new CommandLineException(message, 1);
    }

    int exitStatus() {
        return exitStatus;
    }
}
