package io.kuberouter.webconsole;

import io.kuberouter.api.firewall.FirewallChain;
import io.kuberouter.api.firewall.PodFirewall;
import org.owasp.encoder.Encode;

/**
 * The Network policies page body, rendered on the server (an inline style only wraps long rules): a filter form,
 * then one row per local pod with the policies that select it per direction and, folded, the chains that result
 * (the pod's chain per family and the policy chains it jumps to, rules as written).
 */
final class PoliciesHtml {

    private PoliciesHtml() {
    }

    /** @param rows what the running firewall programmed, or {@code null} when no firewall runs */
    static String render(PodRows rows) {
        StringBuilder out = new StringBuilder();
        if (rows == null) {
            return out.append("<p class='statline ui-state-highlight' id='kr-absent'>no firewall running "
                    + "(start the firewall feature, --run-firewall)</p>\n").toString();
        }
        out.append("<form method='get' class='statline'>Pod or namespace <input name='pod' value='")
                .append(Encode.forHtmlAttribute(rows.filter())).append("' placeholder='namespace[/pod]'> ")
                .append("<button type='submit'>filter</button></form>\n");
        out.append("<p class='statline'>Cluster revision ").append(rows.revision()).append(", ")
                .append(rows.pods().size()).append(" local pods with a firewall chain.</p>\n");
        out.append("<style>#kr-pods .kr-nowrap{white-space:nowrap} #kr-pods .kr-rules{white-space:pre-wrap}</style>\n");
        out.append("<table class='nicetable' id='kr-pods'>\n<thead><tr><th>Pod</th><th>Selected by</th>"
                + "<th>Chains</th></tr></thead>\n<tbody>\n");
        for (PodFirewall pod : rows.pods()) {
            String name = pod.pod().namespace() + "/" + pod.pod().name();
            out.append("<tr data-pod='").append(Encode.forHtmlAttribute(name)).append("'><td class='kr-nowrap'>")
                    .append(Encode.forHtml(name)).append("</td><td class='kr-nowrap'>");
            if (pod.policies().isEmpty()) {
                out.append(Encode.forHtml(PodRows.policies(pod)));
            }
            pod.policies().forEach(p -> out.append("<div>").append(Encode.forHtml(PodRows.policy(p))).append("</div>"));
            out.append("</td><td>");
            for (FirewallChain chain : pod.chains()) {
                out.append("<details><summary>").append(chain.family()).append(' ')
                        .append(Encode.forHtml(chain.name())).append(" (").append(chain.rules().size())
                        .append(" rules)</summary><pre class='kr-rules'>");
                chain.rules().forEach(r -> out.append(Encode.forHtml(r)).append('\n'));
                out.append("</pre></details>");
            }
            out.append("</td></tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }
}
