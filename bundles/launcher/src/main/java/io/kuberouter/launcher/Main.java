package io.kuberouter.launcher;

import io.kuberouter.launcher.flags.CommandLine;
import io.kuberouter.launcher.flags.ConfigurationMapper;
import io.kuberouter.launcher.flags.ExtensionFlags;
import io.kuberouter.launcher.flags.GeneralFlags;
import io.kuberouter.launcher.flags.Options;
import io.kuberouter.launcher.flags.Outcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kube-router}: parses kube-router's command line, refuses what kube-router refuses, and
 * runs the agent in an embedded Felix framework until SIGTERM/SIGINT.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Returns the process exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        Outcome outcome = CommandLine.parse(args);
        if (outcome instanceof Outcome.Help help) {
            err.print(help.usage());
            return 0;
        }
        if (outcome instanceof Outcome.Version) {
            out.println(Version.line());
            return 0;
        }
        if (outcome instanceof Outcome.Invalid invalid) {
            err.println(invalid.message());
            return invalid.exitStatus();
        }
        Options options = ((Outcome.Run) outcome).options();
        Log log = new Log(err);
        if (!ProcessUser.isRoot()) {
            err.println(CommandLine.NOT_ROOT_MESSAGE);
            return 1;
        }
        if (options.get(GeneralFlags.CLEANUP_CONFIG)) {
            return new Cleanup(Distribution.fromSystemProperty(), log).run(options,
                    Path.of(options.get(ExtensionFlags.STATE_DIR)));
        }
        if (ConfigurationMapper.nothingToRun(options)) {
            log.info(ConfigurationMapper.NOTHING_TO_RUN_MESSAGE);
            return 0;
        }
        return new Agent(Distribution.fromSystemProperty(), log).run(options,
                options.get(GeneralFlags.CACHE_SYNC_TIMEOUT), Path.of(options.get(ExtensionFlags.STATE_DIR)));
    }
}
