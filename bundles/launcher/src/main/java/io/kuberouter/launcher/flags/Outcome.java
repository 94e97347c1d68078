package io.kuberouter.launcher.flags;

import java.util.Objects;

/** What {@link CommandLine#parse} decided about a command line. Exactly one of four kinds. */
public sealed interface Outcome permits Outcome.Help, Outcome.Version, Outcome.Invalid, Outcome.Run {

    /**
     * {@code -h/--help} was given: print {@code usage} (upstream writes it to standard error) and exit 0.
     *
     * @param usage {@code Usage of kube-router:} and one line per flag, ending with a line break
     */
    record Help(String usage) implements Outcome {
        public Help {
            Objects.requireNonNull(usage);
        }
    }

    /** {@code -V/--version} was given (and not {@code --help}): print the version and exit 0. */
    record Version() implements Outcome {
    }

    /**
     * The command line is refused: print {@code message} (one line) to standard error and exit with
     * {@code exitStatus}: 2 for what pflag refuses while parsing, 1 for kube-router's start-up checks.
     */
    record Invalid(String message, int exitStatus) implements Outcome {
        public Invalid {
            Objects.requireNonNull(message);
        }
    }

    /**
     * kube-router would proceed with these options. The caller still refuses a non-root user
     * ({@link CommandLine#NOT_ROOT_MESSAGE}), honours {@code --cleanup-config}, and exits 0 when
     * {@link ConfigurationMapper#nothingToRun} holds; the start-up checks and secrets are skipped in those last two
     * cases, as upstream never reaches them.
     */
    record Run(Options options) implements Outcome {
        public Run {
            Objects.requireNonNull(options);
        }
    }
}
