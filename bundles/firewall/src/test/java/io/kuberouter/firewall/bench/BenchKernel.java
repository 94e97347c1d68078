package io.kuberouter.firewall.bench;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.netfilter.ExecIptables;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import io.kuberouter.kernel.harness.Netns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** kernel-exec's services inside a namespace (recorded), and the raw tools with the same arguments. */
final class BenchKernel {

    private final IptablesBackend backend;
    private final Iptables iptables;
    private final Ipsets ipsets;

    BenchKernel(Netns ns, Recording recording) {
        ProcessRunner runner = new SystemProcessRunner().inNetns(NetnsRef.named(ns.name()));
        backend = ExecIptables.detect(runner);
        iptables = recording.iptables(new ExecIptables(runner, backend, Duration.ofMinutes(5), 60));
        ipsets = recording.ipsets(new ExecIpsets(runner, Duration.ofMinutes(5)));
    }

    Iptables iptables() {
        return iptables;
    }

    Ipsets ipsets() {
        return ipsets;
    }

    /** Runs the raw tool of {@code restore} in {@code ns} with {@code input} as its stdin. */
    void raw(Netns ns, Recording.Restore restore, Path input) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
        if (restore.kind().equals("ipset")) {
            cmd.addAll(List.of("ipset", "restore", "-exist"));
        } else {
            String base = restore.family() == AddressFamily.INET ? "iptables" : "ip6tables";
            cmd.addAll(List.of(base + "-" + backend.name().toLowerCase(Locale.ROOT) + "-restore", "--wait=60", "-T",
                    "filter", "--noflush"));
        }
        Process p = new ProcessBuilder(cmd).redirectInput(input.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

}
