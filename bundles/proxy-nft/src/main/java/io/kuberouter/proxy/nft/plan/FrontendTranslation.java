package io.kuberouter.proxy.nft.plan;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pure translation of one {@link VirtualServer} into nftables objects (kube-proxy's nftables mode, adapted
 * to kube-router's model):
 *
 * <ul>
 *   <li>With backends: element {@code ADDR . PROTO . PORT : goto vs-H-NS/SVC/PORT} in {@code service-ips(6)}; the
 *       service chain counts, sends a client with a live affinity entry to its backend, and spreads the rest with
 *       {@code numgen random} (one rule per backend); one backend chain per backend sets the masquerade mark,
 *       refreshes the client's affinity entry and DNATs. Connections already established are not affected by any
 *       of this: NAT rules see only the first packet, conntrack carries the rest.</li>
 *   <li>Terminating backends (still serving) get no new connections while a non-terminating one exists; when
 *       all are terminating they share the new connections (kube-proxy's rule, KEP-1669).</li>
 *   <li>Without backends: element {@code ... : goto reject-no-endpoints} in {@code no-endpoint-ips(6)}, checked
 *       for new connections in the filter hooks: TCP reset, ICMP port unreachable otherwise.</li>
 *   <li>ClientIP affinity: one set per backend with flag {@code dynamic,timeout} and the affinity timeout,
 *       filled from the packet path ({@code update @set { ip saddr }}), as kube-proxy does.</li>
 * </ul>
 *
 * <p>The scheduler annotation has no nftables counterpart: every virtual server spreads at random.
 */
public final class FrontendTranslation {

    private FrontendTranslation() {
    }

    public static FrontendRules of(VirtualServer server) {
        Frontend frontend = server.frontend();
        IpFamily family = frontend.family();
        String protocol = frontend.protocol().name().toLowerCase(Locale.ROOT);
        String key = frontend.address() + " . " + protocol + " . " + frontend.port();
        List<Backend> active = active(server.backends());
        if (active.isEmpty()) {
            return new FrontendRules(server, new NftElement(NftNames.noEndpointMap(family), key,
                    "goto " + NftNames.REJECT), List.of(), List.of());
        }
        String serverId = server.service() + "|" + server.portName() + "|" + frontend.id() + "|"
                + server.scheduling().affinityTimeoutSeconds();
        String chain = "vs-" + NftNames.hash(serverId) + "-" + server.service().namespace() + "/"
                + server.service().name() + "/" + (server.portName().isEmpty() ? "-" : server.portName());
        String ip = family == IpFamily.IPV4 ? "ip" : "ip6";
        boolean sticky = server.scheduling().sticky();
        List<NftChain> chains = new ArrayList<>();
        List<NftSet> sets = new ArrayList<>();
        List<String> serviceRules = new ArrayList<>();
        serviceRules.add("counter");
        List<String> targets = new ArrayList<>();
        for (Backend backend : active) {
            String id = NftNames.hash(serverId + "|" + backend.id()) + "-" + NftNames.addressPart(backend.address())
                    + "/" + backend.port();
            String backendChain = "ep-" + id;
            targets.add(backendChain);
            List<String> rules = new ArrayList<>();
            if (sticky) {
                String set = "aff-" + id;
                sets.add(new NftSet("set", set, "{ type " + (family == IpFamily.IPV4 ? "ipv4_addr" : "ipv6_addr")
                        + " ; flags dynamic,timeout ; timeout " + server.scheduling().affinityTimeoutSeconds()
                        + "s ; }", true));
                serviceRules.add(ip + " saddr @" + set + " goto " + backendChain);
                rules.add("update @" + set + " { " + ip + " saddr }");
            }
            String to = family == IpFamily.IPV4 ? backend.address() + ":" + backend.port()
                    : "[" + backend.address() + "]:" + backend.port();
            rules.add("meta mark set meta mark | 0x" + Long.toHexString(NftNames.MASQUERADE_MARK) + " meta l4proto "
                    + protocol + " counter dnat " + ip + " to " + to);
            chains.add(NftChain.regular(backendChain, rules));
        }
        serviceRules.addAll(spread(targets));
        chains.add(0, NftChain.regular(chain, serviceRules));
        return new FrontendRules(server, new NftElement(NftNames.serviceMap(family), key, "goto " + chain), chains,
                sets);
    }

    /** The backends that get new connections: the non-terminating ones, or all when every one is terminating. */
    static List<Backend> active(List<Backend> backends) {
        List<Backend> live = backends.stream().filter(b -> !b.terminating()).toList();
        return live.isEmpty() ? backends : live;
    }

    /**
     * Uniform random choice without an anonymous map: rule {@code i} of {@code N} takes the connection with
     * probability {@code 1/(N-i)} ({@code numgen random mod (N-i) == 0}), the last one takes the rest (the
     * probabilities of kube-proxy's iptables mode). A {@code numgen ... vmap { ... }} per service would be one
     * anonymous map per service, which nft fetches into its cache on every later transaction (measured: 2-3 times
     * slower transactions at 5 000 Services).
     */
    private static List<String> spread(List<String> targets) {
        List<String> rules = new ArrayList<>(targets.size());
        int n = targets.size();
        for (int i = 0; i < n - 1; i++) {
            rules.add("numgen random mod " + (n - i) + " == 0 goto " + targets.get(i));
        }
        rules.add("goto " + targets.get(n - 1));
        return rules;
    }
}
