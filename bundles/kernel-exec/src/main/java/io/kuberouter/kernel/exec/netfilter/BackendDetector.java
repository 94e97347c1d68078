package io.kuberouter.kernel.exec.netfilter;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.exec.process.ProcessResult;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the iptables backend the host already uses, like kubernetes-sigs/iptables-wrappers:
 * <ol>
 * <li>kubelet's hint chains ({@code KUBE-IPTABLES-HINT}, {@code KUBE-KUBELET-CANARY}) in the nft mangle
 * table (IPv4, then IPv6) → NFT;</li>
 * <li>the same chains in the legacy tables → LEGACY (legacy save without {@code -t}, which would
 * create the table);</li>
 * <li>nf_tables unusable → LEGACY: {@code iptables-nft-save} fails (no tool, or a kernel that refuses even to list),
 * or the kernel refuses to add an {@code ip} table. Some kernels list nf_tables but cannot hold an {@code ip} table
 * (the UML guest: every restore fails with "TABLE_ADD failed (Operation not supported)"); the write is checked with
 * {@code nft -c}, which the kernel validates and aborts, so nothing is left behind. Without the {@code nft} tool
 * that check is skipped;</li>
 * <li>otherwise count rules ({@code -A} lines) of both families in each backend: more legacy rules →
 * LEGACY, else NFT (the default on an empty host).</li>
 * </ol>
 * Every probe is best effort: a missing tool or failing run counts as empty output.
 */
final class BackendDetector {

    private static final Pattern HINT = Pattern.compile("(?m)^:(KUBE-IPTABLES-HINT|KUBE-KUBELET-CANARY)\\s");
    private static final Pattern RULE = Pattern.compile("(?m)^-A ");

    private final ProcessRunner runner;
    private final Duration timeout;

    BackendDetector(ProcessRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    /** The detected backend and a one-line reason for the log. */
    record Detection(IptablesBackend backend, String reason) {
    }

    Detection detect() {
        if (hint(output("iptables-nft-save", "-t", "mangle")) || hint(output("ip6tables-nft-save", "-t", "mangle"))) {
            return new Detection(IptablesBackend.NFT, "kubelet hint chains in nft mangle table");
        }
        String legacy = output("iptables-legacy-save") + output("ip6tables-legacy-save");
        if (hint(legacy)) {
            return new Detection(IptablesBackend.LEGACY, "kubelet hint chains in legacy tables");
        }
        if (!succeeds("iptables-nft-save")) {
            return new Detection(IptablesBackend.LEGACY, "nf_tables unusable here (iptables-nft-save fails)");
        }
        if (refuses("nft", "-c", "add", "table", "ip", "kube-router-backend-probe")) {
            return new Detection(IptablesBackend.LEGACY, "nf_tables here cannot hold an ip table (nft -c add table fails)");
        }
        long legacyRules = RULE.matcher(legacy).results().count();
        long nftRules = RULE.matcher(output("iptables-nft-save") + output("ip6tables-nft-save")).results().count();
        IptablesBackend b = legacyRules > nftRules ? IptablesBackend.LEGACY : IptablesBackend.NFT;
        return new Detection(b, legacyRules + " legacy rules vs " + nftRules + " nft rules");
    }

    private static boolean hint(String save) {
        return HINT.matcher(save).find();
    }

    private boolean succeeds(String... command) {
        try {
            return runner.run(List.of(command), "", timeout).exitCode() == 0;
        } catch (KernelException missingTool) {
            return false;
        }
    }

    /** True only when the tool ran and failed; a missing tool tells nothing. */
    private boolean refuses(String... command) {
        try {
            return runner.run(List.of(command), "", timeout).exitCode() != 0;
        } catch (KernelException missingTool) {
            return false;
        }
    }

    private String output(String... command) {
        try {
            ProcessResult r = runner.run(List.of(command), "", timeout);
            return r.exitCode() == 0 ? r.stdout() : "";
        } catch (KernelException missingTool) {
            return "";
        }
    }
}
