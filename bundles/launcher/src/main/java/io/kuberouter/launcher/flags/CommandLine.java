package io.kuberouter.launcher.flags;

import java.util.List;

/**
 * The kube-router command line, read exactly as kube-router v2.11 reads it (pflag semantics, upstream flags,
 * defaults and messages) plus kube-router-jvm's extension flags. Pure apart from reading the password files named
 * on the command line.
 *
 * <p>Decision order, as upstream: parse errors; klog's check of {@code -v}; {@code --help}; {@code --version};
 * positional arguments; start-up checks. Upstream then refuses a non-root user before the start-up checks; here the
 * caller does that after a {@link Outcome.Run}.
 */
public final class CommandLine {

    /** Upstream's refusal when not run as root (effective uid 0); it then exits with status 1. */
    public static final String NOT_ROOT_MESSAGE =
            "kube-router needs to be run with privileges to execute iptables, ipset and configure ipvs";

    private CommandLine() {
    }

    /**
     * Decides what to do with these arguments (without the program name).
     *
     * @return {@link Outcome.Help}, {@link Outcome.Version}, {@link Outcome.Invalid} with a one-line message, or
     *         {@link Outcome.Run} with the accepted options
     */
    public static Outcome parse(List<String> arguments) {
        try {
            FlagValues values = ArgumentParser.parse(arguments);
            checkVerbosity(values.get(GeneralFlags.VERBOSITY));
            if (values.get(GeneralFlags.HELP)) {
                return new Outcome.Help(Usage.text());
            }
            if (values.get(GeneralFlags.VERSION)) {
                return new Outcome.Version();
            }
            rejectPositional(values.positional());
            return new Outcome.Run(StartupChecks.apply(values.toOptions()));
        } catch (CommandLineException refused) {
            return new Outcome.Invalid(refused.getMessage().replaceAll("\\R", " "), refused.exitStatus());
        }
    }

    /** klog reads {@code -v} as a signed 32-bit integer; upstream fails with this message before anything else. */
    private static void checkVerbosity(String level) {
        try {
            GoNumbers.parseSigned(level, 32);
        } catch (IllegalArgumentException notANumber) {
            throw CommandLineException.startup("failed to set flag: " + notANumber.getMessage());
        }
    }

    /**
     * kube-router takes no positional arguments. Upstream v2.11 silently ignores them; here they are refused so a
     * mistyped flag cannot go unnoticed.
     */
    private static void rejectPositional(List<String> positional) {
        if (!positional.isEmpty()) {
            throw CommandLineException.syntax("unexpected argument " + GoText.quote(positional.get(0))
                    + ": kube-router takes flags only (see --help)");
        }
    }
}
