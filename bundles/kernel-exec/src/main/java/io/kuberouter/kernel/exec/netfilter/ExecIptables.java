package io.kuberouter.kernel.exec.netfilter;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.exec.process.ProcessResult;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Iptables} by running {@code (ip6)iptables-{legacy,nft}-{save,restore}}: one process per call,
 * the restore input streamed to its stdin, {@code --wait} for the xtables lock, {@code -T TABLE} so
 * only that table is touched. Processes run in the network namespace of the calling thread.
 */
@Component(service = Iptables.class, configurationPid = ExecIptables.PID)
public final class ExecIptables implements Iptables {

    static final String PID = "io.kuberouter.kernel.exec.iptables";
    private static final Logger LOG = LoggerFactory.getLogger(ExecIptables.class);

    /** Configuration of the iptables service. */
    public @interface Config {
        /** {@code auto} (detect, see {@link BackendDetector}), {@code legacy} or {@code nft}. */
        String backend() default "auto";

        /** Longest a single save or restore may run before it is killed. */
        int timeoutSeconds() default 300;

        /** How long a restore waits for the xtables lock held by another process. */
        int lockWaitSeconds() default 60;
    }

    private final ProcessRunner runner;
    private final IptablesBackend backend;
    private final Duration timeout;
    private final int lockWaitSeconds;

    /** DS constructor: runs tools on {@code PATH}; detects the backend unless configured. */
    @Activate
    public ExecIptables(Config config) {
        this(new SystemProcessRunner(), backend(new SystemProcessRunner(), config),
                Duration.ofSeconds(config.timeoutSeconds()), config.lockWaitSeconds());
    }

    /** A service using {@code runner} and a fixed backend (see {@link #detect(ProcessRunner)}). */
    public ExecIptables(ProcessRunner runner, IptablesBackend backend, Duration timeout, int lockWaitSeconds) {
        this.runner = runner;
        this.backend = backend;
        this.timeout = timeout;
        this.lockWaitSeconds = lockWaitSeconds;
    }

    /** The backend in use where {@code runner} runs its processes. */
    public static IptablesBackend detect(ProcessRunner runner) {
        BackendDetector.Detection d = new BackendDetector(runner, Duration.ofSeconds(30)).detect();
        LOG.info("iptables backend {}: {}", d.backend(), d.reason());
        return d.backend();
    }

    @Override
    public IptablesBackend backend() {
        return backend;
    }

    @Override
    public String save(AddressFamily family, String table) throws KernelException {
        ProcessResult r = runner.run(List.of(tool(family, "save"), "-t", table), "", timeout);
        if (r.exitCode() != 0) {
            throw ToolFailure.other(r, table, 0);
        }
        return r.stdout();
    }

    @Override
    public void restore(AddressFamily family, String table, CharSequence rules, boolean noflush)
            throws KernelException {
        checkSingleTable(table, rules);
        List<String> cmd = new ArrayList<>(List.of(tool(family, "restore"), "--wait=" + lockWaitSeconds, "-T", table));
        if (noflush) {
            cmd.add("--noflush");
        }
        ProcessResult r = runner.run(cmd, rules, timeout);
        if (r.exitCode() != 0) {
            throw ToolFailure.restore(r, table, rules);
        }
    }

    /** {@code iptables-nft-restore}, {@code ip6tables-legacy-save}, ... */
    String tool(AddressFamily family, String verb) {
        String base = family == AddressFamily.INET ? "iptables" : "ip6tables";
        return base + "-" + backend.name().toLowerCase(Locale.ROOT) + "-" + verb;
    }

    private static void checkSingleTable(String table, CharSequence rules) {
        boolean found = false;
        for (String line : (Iterable<String>) rules.toString().lines()::iterator) {
            String s = line.strip();
            if (s.startsWith("*")) {
                if (!s.substring(1).strip().equals(table)) {
                    throw new IllegalArgumentException("restore input for table " + table + " contains " + s);
                }
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("restore input has no *" + table + " header");
        }
    }

    private static IptablesBackend backend(ProcessRunner runner, Config config) {
        String forced = config.backend().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "auto" -> detect(runner);
            case "legacy" -> IptablesBackend.LEGACY;
            case "nft" -> IptablesBackend.NFT;
            default -> throw new IllegalArgumentException("backend must be auto, legacy or nft: " + forced);
        };
    }
}
