package io.kuberouter.proxy.nft.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table: families, pod CIDRs and --masquerade-all → maps, dispatch rules and masquerade rules. */
class BaseRulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("IPv4, one pod CIDR", Set.of(IpFamily.IPV4), List.of("10.244.1.0/24"), false,
                        List.of("service-ips", "no-endpoint-ips"),
                        List.of("ip daddr . meta l4proto . th dport vmap @service-ips"),
                        List.of("meta mark & 0x4000 == 0x4000 ip saddr != { 10.244.1.0/24 } ip daddr != "
                                + "{ 10.244.1.0/24 } counter masquerade fully-random")),
                Arguments.of("IPv4 without pod CIDR: nothing is masqueraded (as the IPVS rules)", Set.of(IpFamily.IPV4),
                        List.of(), false, List.of("service-ips", "no-endpoint-ips"),
                        List.of("ip daddr . meta l4proto . th dport vmap @service-ips"), List.of()),
                Arguments.of("--masquerade-all", Set.of(IpFamily.IPV4), List.of("10.244.1.0/24"), true,
                        List.of("service-ips", "no-endpoint-ips"),
                        List.of("ip daddr . meta l4proto . th dport vmap @service-ips"),
                        List.of("meta nfproto ipv4 meta mark & 0x4000 == 0x4000 counter masquerade fully-random")),
                Arguments.of("dual stack: the pod CIDR of each family", Set.of(IpFamily.IPV4, IpFamily.IPV6),
                        List.of("10.244.1.0/24", "fd00:244:1::/64"), false,
                        List.of("service-ips", "no-endpoint-ips", "service-ips6", "no-endpoint-ips6"),
                        List.of("ip daddr . meta l4proto . th dport vmap @service-ips",
                                "ip6 daddr . meta l4proto . th dport vmap @service-ips6"),
                        List.of("meta mark & 0x4000 == 0x4000 ip saddr != { 10.244.1.0/24 } ip daddr != "
                                        + "{ 10.244.1.0/24 } counter masquerade fully-random",
                                "meta mark & 0x4000 == 0x4000 ip6 saddr != { fd00:244:1::/64 } ip6 daddr != "
                                        + "{ fd00:244:1::/64 } counter masquerade fully-random")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void builds(String name, Set<IpFamily> families, List<String> podCidrs, boolean masqueradeAll, List<String> maps,
            List<String> dispatch, List<String> masquerade) {
        BaseRules.Base base = BaseRules.of(families, podCidrs, masqueradeAll);
        assertEquals(maps, base.maps().stream().map(NftSet::name).toList());
        Map<String, NftChain> chains = base.chains().stream().collect(Collectors.toMap(NftChain::name, c -> c));
        assertEquals(dispatch, chains.get(NftNames.SERVICES).rules());
        assertEquals(masquerade, chains.get(NftNames.MASQUERADING).rules());
        assertEquals(List.of("jump services"), chains.get(NftNames.NAT_PREROUTING).rules());
        assertEquals(List.of("ct state new jump endpoints-check"), chains.get(NftNames.FILTER_FORWARD).rules());
    }
}
