package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.firewall.FirewallChain;
import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.api.firewall.PodFirewall;
import io.kuberouter.api.firewall.SelectingPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Network policies page and {@code kr:policies}: per pod, the selecting policies and the chains. */
class PoliciesRenderingTest {

    private static final ObjectKey A1 = new ObjectKey("lab", "a1");
    private static final ObjectKey B1 = new ObjectKey("other", "b1");

    private static final FirewallView VIEW = new FirewallView() {
        @Override
        public long revision() {
            return 7;
        }

        @Override
        public Map<ObjectKey, PodFirewall> pods() {
            Map<ObjectKey, PodFirewall> pods = new LinkedHashMap<>();
            pods.put(A1, new PodFirewall(A1, List.of(new SelectingPolicy(new ObjectKey("lab", "allow-a"), true),
                    new SelectingPolicy(new ObjectKey("lab", "deny-out"), false)), List.of(
                    new FirewallChain(IpFamily.IPV4, "KUBE-POD-FW-AAAA", List.of("-d 10.244.1.10/32 -j KUBE-NWPLCY-X",
                            "-m comment --comment \"<lab/a1> reject\" -j REJECT")),
                    new FirewallChain(IpFamily.IPV4, "KUBE-NWPLCY-X", List.of("-j ACCEPT")))));
            pods.put(B1, new PodFirewall(B1, List.of(), List.of()));
            return pods;
        }
    };

    @Test
    void eachPodWithItsPoliciesPerDirectionAndItsChains() {
        String html = PoliciesHtml.render(PodRows.of(VIEW, null));
        assertTrue(html.contains("<tr data-pod='lab/a1'><td class='kr-nowrap'>lab/a1</td><td class='kr-nowrap'><div>lab/allow-a ingress</div>"
                + "<div>lab/deny-out egress</div></td>"), html);
        assertTrue(html.contains("<summary>IPV4 KUBE-POD-FW-AAAA (2 rules)</summary>"), html);
        assertTrue(html.contains("&lt;lab/a1&gt; reject"), html);
        assertTrue(html.contains("<td class='kr-nowrap'>none selects it: all traffic allowed</td>"), html);
    }

    @Test
    void aFilterNarrowsToANamespaceOrOnePod() {
        assertEquals(List.of(B1), PodRows.of(VIEW, "other").pods().stream().map(PodFirewall::pod).toList());
        assertEquals(List.of(A1), PodRows.of(VIEW, " lab/a1 ").pods().stream().map(PodFirewall::pod).toList());
        assertEquals(List.of(), PodRows.of(VIEW, "lab/a").pods());
    }

    @Test
    void theCommandHasTheSameRowsAndSaysWhenNoFirewallRuns() {
        String text = PoliciesText.render(PodRows.of(VIEW, "lab"));
        assertEquals("""
                firewall revision 7, 1 local pods
                lab/a1: lab/allow-a ingress, lab/deny-out egress
                  chain IPV4 KUBE-POD-FW-AAAA
                    -d 10.244.1.10/32 -j KUBE-NWPLCY-X
                    -m comment --comment "<lab/a1> reject" -j REJECT
                  chain IPV4 KUBE-NWPLCY-X
                    -j ACCEPT
                """, text);
        assertEquals("no firewall running\n", PoliciesText.render(null));
        assertTrue(PoliciesHtml.render(null).contains("no firewall running"));
    }
}
