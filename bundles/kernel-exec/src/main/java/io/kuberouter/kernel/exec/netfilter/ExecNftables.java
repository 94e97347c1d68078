package io.kuberouter.kernel.exec.netfilter;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.api.nftables.Nftables;
import io.kuberouter.kernel.exec.process.ProcessResult;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Nftables} by running {@code nft}: one {@code nft -f -} process per script, which nft sends to the
 * kernel as one batch (one transaction). Processes run in the network namespace of the calling thread.
 */
@Component(service = Nftables.class, configurationPid = ExecNftables.PID)
public final class ExecNftables implements Nftables {

    static final String PID = "io.kuberouter.kernel.exec.nftables";

    /** How nft names the failing input line: {@code /dev/stdin:LINE:COLUMNS: Error: ...}. */
    private static final Pattern ERROR_AT = Pattern.compile(":(\\d+):\\d+(?:-\\d+)?: Error: (.*)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./-]+");
    /** strerror(EOPNOTSUPP), as nft prints it. */
    private static final String NOT_SUPPORTED = "Operation not supported";

    /** Configuration of the nftables service. */
    public @interface Config {
        /** Longest a single nft run may take before it is killed. */
        int timeoutSeconds() default 300;
    }

    private final ProcessRunner runner;
    private final Duration timeout;

    /** DS constructor: runs {@code nft} from {@code PATH}. */
    @Activate
    public ExecNftables(Config config) {
        this(new SystemProcessRunner(), Duration.ofSeconds(config.timeoutSeconds()));
    }

    public ExecNftables(ProcessRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public void apply(CharSequence script) throws KernelException {
        ProcessResult r = runner.run(List.of("nft", "-f", "-"), script, timeout);
        if (r.exitCode() != 0) {
            throw failure(r, script);
        }
    }

    @Override
    public Optional<String> listTable(String family, String table) throws KernelException {
        checkName(family);
        checkName(table);
        ProcessResult r = runner.run(List.of("nft", "list", "table", family, table), "", timeout);
        if (r.exitCode() == 0) {
            return Optional.of(r.stdout());
        }
        if (r.stderr().contains("No such file or directory")) {
            return Optional.empty();
        }
        throw ToolFailure.other(r, family + " " + table, 0);
    }

    /**
     * Adding the table first makes the delete succeed whether or not it existed, in one transaction. A kernel that
     * refuses the add as not supported (no nf_tables for the family, e.g. the UML guest) cannot hold the table
     * either: nothing to delete.
     */
    @Override
    public void deleteTable(String family, String table) throws KernelException {
        checkName(family);
        checkName(table);
        try {
            apply("add table " + family + " " + table + "\ndelete table " + family + " " + table + "\n");
        } catch (RestoreException e) {
            if (!e.getMessage().contains(NOT_SUPPORTED)) {
                throw e;
            }
        }
    }

    /** nft's error for {@code input}: the first error's line and message. */
    static RestoreException failure(ProcessResult result, CharSequence input) {
        Matcher m = ERROR_AT.matcher(result.stderr());
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            return new RestoreException("nft", "", line, ToolFailure.line(input, line), m.group(2).strip());
        }
        String stderr = result.stderr().lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("; "));
        return new RestoreException("nft", "", 0, "", stderr.isEmpty() ? "exit status " + result.exitCode() : stderr);
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an nftables name: '" + name + "'");
        }
    }
}
