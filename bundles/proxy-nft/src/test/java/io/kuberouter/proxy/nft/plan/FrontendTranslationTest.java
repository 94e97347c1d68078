package io.kuberouter.proxy.nft.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table: one virtual server → map, element, chains and sets, with the exact rules for the interesting cases. */
class FrontendTranslationTest {

    private static final ObjectKey WEB = new ObjectKey("shop", "web");

    static Backend ready(String address, int port) {
        return new Backend(address, port, "n1", null, true, true, false);
    }

    static Backend terminating(String address, int port) {
        return new Backend(address, port, "n1", null, true, false, true);
    }

    static VirtualServer server(FrontendKind kind, String vip, Protocol protocol, int port, int affinity,
            Backend... backends) {
        return new VirtualServer(WEB, "http", new Frontend(kind, vip, protocol, port),
                new Scheduling("rr", Set.of(), affinity), Delivery.NAT, List.of(backends));
    }

    /** name, server, map, key, verdict prefix, chains, sets, rules that must be in the service chain. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ClusterIP, one backend: goto the backend chain",
                        server(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80, 0, ready("10.244.1.5", 8080)),
                        "service-ips", "10.96.0.10 . tcp . 80", "goto vs-", 2, 0, List.of("counter")),
                Arguments.of("two backends: numgen spreading",
                        server(FrontendKind.NODE_PORT, "10.99.0.1", Protocol.UDP, 30053, 0,
                                ready("10.244.1.5", 53), ready("10.244.2.5", 53)),
                        "service-ips", "10.99.0.1 . udp . 30053", "goto vs-", 3, 0,
                        List.of("numgen random mod 2 == 0 goto ep-")),
                Arguments.of("no backend: the no-endpoint map, no chain",
                        server(FrontendKind.EXTERNAL_IP, "192.0.2.10", Protocol.TCP, 443, 0),
                        "no-endpoint-ips", "192.0.2.10 . tcp . 443", "goto reject-no-endpoints", 0, 0, List.of()),
                Arguments.of("ClientIP affinity: one timeout set per backend, checked first",
                        server(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80, 600,
                                ready("10.244.1.5", 8080), ready("10.244.1.6", 8080)),
                        "service-ips", "10.96.0.10 . tcp . 80", "goto vs-", 3, 2, List.of("ip saddr @aff-")),
                Arguments.of("terminating backends get no new connections while a live one exists",
                        server(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80, 0,
                                ready("10.244.1.5", 8080), terminating("10.244.1.6", 8080)),
                        "service-ips", "10.96.0.10 . tcp . 80", "goto vs-", 2, 0, List.of("goto ep-")),
                Arguments.of("all terminating: they keep serving",
                        server(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80, 0,
                                terminating("10.244.1.5", 8080), terminating("10.244.1.6", 8080)),
                        "service-ips", "10.96.0.10 . tcp . 80", "goto vs-", 3, 0,
                        List.of("numgen random mod 2 == 0 goto ep-")),
                Arguments.of("IPv6 LoadBalancer, SCTP",
                        server(FrontendKind.LOAD_BALANCER, "2001:db8::10", Protocol.SCTP, 9000, 0,
                                ready("fd00:244:1::5", 9000)),
                        "service-ips6", "2001:db8::10 . sctp . 9000", "goto vs-", 2, 0, List.of("goto ep-")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translates(String name, VirtualServer server, String map, String key, String verdict, int chains, int sets,
            List<String> serviceRuleParts) {
        FrontendRules rules = FrontendTranslation.of(server);
        assertEquals(map, rules.element().map());
        assertEquals(key, rules.element().key());
        assertEquals(key, rules.id());
        assertTrue(rules.element().verdict().startsWith(verdict), rules.element().verdict());
        assertEquals(chains, rules.chains().size());
        assertEquals(sets, rules.sets().size());
        if (chains > 0) {
            NftChain service = rules.chains().get(0);
            assertEquals(rules.element().verdict(), "goto " + service.name());
            assertTrue(service.name().startsWith("vs-") && service.name().endsWith("-shop/web/http"), service.name());
            for (String part : serviceRuleParts) {
                assertTrue(service.rules().stream().anyMatch(r -> r.contains(part)), part + " in " + service.rules());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesAreValidNftIdentifiersAndStable(String name, VirtualServer server) {
        FrontendRules once = FrontendTranslation.of(server);
        assertEquals(once, FrontendTranslation.of(server));
        Stream.concat(once.chains().stream().map(NftChain::name), once.sets().stream().map(NftSet::name))
                .forEach(n -> assertTrue(n.matches("[A-Za-z][A-Za-z0-9_./-]{0,250}"), n));
    }

    @org.junit.jupiter.api.Test
    void spreadsUniformlyWithOneRuleOfProbabilityOneInNMinusIPerBackend() {
        FrontendRules rules = FrontendTranslation.of(server(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80,
                0, ready("10.244.1.5", 8080), ready("10.244.1.6", 8080), ready("10.244.1.7", 8080)));
        List<String> service = rules.chains().get(0).rules();
        assertEquals(4, service.size());
        assertEquals("counter", service.get(0));
        assertEquals("numgen random mod 3 == 0 goto " + rules.chains().get(1).name(), service.get(1));
        assertEquals("numgen random mod 2 == 0 goto " + rules.chains().get(2).name(), service.get(2));
        assertEquals("goto " + rules.chains().get(3).name(), service.get(3));
    }

    @org.junit.jupiter.api.Test
    void backendChainMarksAndDnatsAndRefreshesAffinity() {
        FrontendRules rules = FrontendTranslation.of(server(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80,
                600, ready("10.244.1.5", 8080)));
        NftChain backend = rules.chains().get(1);
        NftSet set = rules.sets().get(0);
        assertEquals(List.of("update @" + set.name() + " { ip saddr }",
                "meta mark set meta mark | 0x4000 meta l4proto tcp counter dnat ip to 10.244.1.5:8080"),
                backend.rules());
        assertEquals("{ type ipv4_addr ; flags dynamic,timeout ; timeout 600s ; }", set.spec());
        assertTrue(set.dynamic());
        NftChain v6 = FrontendTranslation.of(server(FrontendKind.CLUSTER_IP, "fd00:96::10", Protocol.UDP, 53, 0,
                ready("fd00:244:1::5", 53))).chains().get(1);
        assertEquals(List.of("meta mark set meta mark | 0x4000 meta l4proto udp counter dnat ip6 to "
                + "[fd00:244:1::5]:53"), v6.rules());
    }
}
