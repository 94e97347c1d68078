package io.kuberouter.proxy.nft.plan;

import io.kuberouter.api.cluster.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fixed part of the table, from the node's pod CIDRs and the flags (pure):
 *
 * <ul>
 *   <li>nat hooks prerouting and output (priority -100, DNAT) jump to {@code services}, which dispatches by
 *       {@code daddr . l4proto . dport} through the verdict maps {@code service-ips} / {@code service-ips6};</li>
 *   <li>filter hooks input, forward and output at priority -110 send new connections through
 *       {@code endpoints-check}, which rejects those to frontends without backends ({@code no-endpoint-ips(6)});</li>
 *   <li>nat postrouting (priority 100) masquerades marked service traffic whose source and destination both lie
 *       outside this node's pod CIDRs (kube-router's IPVS rule {@code ! -s POD_CIDR ! -d POD_CIDR ... SNAT}: a
 *       client from the node network keeps its address towards a local pod and is masqueraded towards other
 *       nodes); with {@code --masquerade-all} all marked traffic is masqueraded.</li>
 * </ul>
 */
public final class BaseRules {

    private static final String VMAP_KEY = " . meta l4proto . th dport vmap @";

    private BaseRules() {
    }

    /**
     * @param families the enabled families
     * @param podCidrs this node's pod CIDRs (any family)
     */
    public static Base of(Set<IpFamily> families, List<String> podCidrs, boolean masqueradeAll) {
        List<NftChain> chains = new ArrayList<>();
        chains.add(new NftChain(NftNames.NAT_PREROUTING, "{ type nat hook prerouting priority -100 ; }",
                List.of("jump " + NftNames.SERVICES)));
        chains.add(new NftChain(NftNames.NAT_OUTPUT, "{ type nat hook output priority -100 ; }",
                List.of("jump " + NftNames.SERVICES)));
        chains.add(new NftChain(NftNames.NAT_POSTROUTING, "{ type nat hook postrouting priority 100 ; }",
                List.of("jump " + NftNames.MASQUERADING)));
        for (String[] hook : new String[][] {{NftNames.FILTER_INPUT, "input"}, {NftNames.FILTER_FORWARD, "forward"},
                {NftNames.FILTER_OUTPUT, "output"}}) {
            chains.add(new NftChain(hook[0], "{ type filter hook " + hook[1] + " priority -110 ; }",
                    List.of("ct state new jump " + NftNames.ENDPOINTS_CHECK)));
        }
        List<String> services = new ArrayList<>();
        List<String> check = new ArrayList<>();
        List<String> masquerade = new ArrayList<>();
        List<NftSet> maps = new ArrayList<>();
        String marked = "meta mark & 0x" + Long.toHexString(NftNames.MASQUERADE_MARK) + " == 0x"
                + Long.toHexString(NftNames.MASQUERADE_MARK);
        for (IpFamily family : List.of(IpFamily.IPV4, IpFamily.IPV6)) {
            if (!families.contains(family)) {
                continue;
            }
            String ip = family == IpFamily.IPV4 ? "ip" : "ip6";
            String type = "{ type " + (family == IpFamily.IPV4 ? "ipv4_addr" : "ipv6_addr")
                    + " . inet_proto . inet_service : verdict ; }";
            maps.add(new NftSet("map", NftNames.serviceMap(family), type, false));
            maps.add(new NftSet("map", NftNames.noEndpointMap(family), type, false));
            services.add(ip + " daddr" + VMAP_KEY + NftNames.serviceMap(family));
            check.add(ip + " daddr" + VMAP_KEY + NftNames.noEndpointMap(family));
            List<String> cidrs = podCidrs.stream().filter(c -> IpFamily.of(c.substring(0, c.indexOf('/'))) == family)
                    .toList();
            if (masqueradeAll) {
                masquerade.add("meta nfproto " + (family == IpFamily.IPV4 ? "ipv4" : "ipv6") + " " + marked
                        + " counter masquerade fully-random");
            } else if (!cidrs.isEmpty()) {
                String set = "{ " + String.join(", ", cidrs) + " }";
                masquerade.add(marked + " " + ip + " saddr != " + set + " " + ip + " daddr != " + set
                        + " counter masquerade fully-random");
            }
        }
        chains.add(NftChain.regular(NftNames.SERVICES, services));
        chains.add(NftChain.regular(NftNames.ENDPOINTS_CHECK, check));
        chains.add(NftChain.regular(NftNames.REJECT, List.of("meta l4proto tcp reject with tcp reset", "reject")));
        chains.add(NftChain.regular(NftNames.MASQUERADING, masquerade));
        return new Base(chains, maps);
    }

    /** The fixed chains and maps. */
    public record Base(List<NftChain> chains, List<NftSet> maps) {

        public Base {
            chains = List.copyOf(chains);
            maps = List.copyOf(maps);
        }
    }
}
