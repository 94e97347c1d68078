package io.kuberouter.kernel.exec.netfilter;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.exec.process.ProcessResult;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Ipsets} by running {@code ipset}: one {@code ipset restore -exist} process per batch with the
 * script streamed to stdin. Processes run in the network namespace of the calling thread.
 */
@Component(service = Ipsets.class, configurationPid = ExecIpsets.PID)
public final class ExecIpsets implements Ipsets {

    static final String PID = "io.kuberouter.kernel.exec.ipset";

    /** Configuration of the ipset service. */
    public @interface Config {
        /** Longest a single ipset run may take before it is killed. */
        int timeoutSeconds() default 300;
    }

    private final ProcessRunner runner;
    private final Duration timeout;

    /** DS constructor: runs {@code ipset} from {@code PATH}. */
    @Activate
    public ExecIpsets(Config config) {
        this(new SystemProcessRunner(), Duration.ofSeconds(config.timeoutSeconds()));
    }

    public ExecIpsets(ProcessRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public void restore(CharSequence script) throws KernelException {
        ProcessResult r = runner.run(List.of("ipset", "restore", "-exist"), script, timeout);
        if (r.exitCode() != 0) {
            throw ToolFailure.restore(r, "", script);
        }
    }

    @Override
    public String save() throws KernelException {
        return run(List.of("ipset", "save"), "");
    }

    @Override
    public String save(String set) throws KernelException {
        IpsetSpec.checkName(set);
        return run(List.of("ipset", "save", set), set);
    }

    @Override
    public List<String> names() throws KernelException {
        return run(List.of("ipset", "list", "-n"), "").lines().filter(l -> !l.isBlank()).toList();
    }

    private String run(List<String> command, String object) throws KernelException {
        ProcessResult r = runner.run(command, "", timeout);
        if (r.exitCode() != 0) {
            int errno = r.stderr().contains("does not exist") ? Errno.ENOENT.number() : 0;
            throw ToolFailure.other(r, object, errno);
        }
        return r.stdout();
    }
}
