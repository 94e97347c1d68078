package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.List;

/**
 * Brings nat POSTROUTING's masquerade rules to the wanted ones: stale ones are deleted one restore each (a rule
 * written by kube-router itself carries the {@code --ipvs} flag iptables-save hides, so a delete by the saved
 * text may miss it and is retried with the flag), missing ones appended in one restore. Rules of other shapes
 * are never touched.
 */
final class MasqueradeWriter {

    private MasqueradeWriter() {
    }

    static void write(ProxyKernel kernel, AddressFamily family, IptablesTable saved, List<RuleSpec> wanted)
            throws KernelException {
        for (RuleSpec stale : ServiceFirewall.staleMasquerade(saved, wanted)) {
            try {
                restore(kernel, family, "-D POSTROUTING " + stale);
            } catch (RestoreException e) {
                restore(kernel, family, "-D POSTROUTING " + ServiceFirewall.withIpvsFlag(stale));
            }
        }
        List<RuleSpec> missing = ServiceFirewall.missingMasquerade(saved, wanted);
        if (!missing.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            missing.forEach(r -> lines.append("-A POSTROUTING ").append(r).append('\n'));
            restore(kernel, family, lines.toString().strip());
        }
    }

    private static void restore(ProxyKernel kernel, AddressFamily family, String lines) throws KernelException {
        kernel.iptables().restore(family, "nat", "*nat\n" + lines + "\nCOMMIT\n", true);
    }
}
