package io.kuberouter.webconsole;

import io.kuberouter.api.firewall.FirewallChain;
import io.kuberouter.api.firewall.PodFirewall;

/** {@code kr:policies}: the Network policies page as text, each pod with its policies and chains. */
final class PoliciesText {

    private PoliciesText() {
    }

    /** @param rows what the running firewall programmed, or {@code null} when no firewall runs */
    static String render(PodRows rows) {
        if (rows == null) {
            return "no firewall running\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("firewall revision ").append(rows.revision()).append(", ").append(rows.pods().size())
                .append(" local pods\n");
        for (PodFirewall pod : rows.pods()) {
            out.append(pod.pod().namespace()).append('/').append(pod.pod().name()).append(": ")
                    .append(PodRows.policies(pod)).append('\n');
            for (FirewallChain chain : pod.chains()) {
                out.append("  chain ").append(chain.family()).append(' ').append(chain.name()).append('\n');
                chain.rules().forEach(r -> out.append("    ").append(r).append('\n'));
            }
        }
        return out.toString();
    }
}
