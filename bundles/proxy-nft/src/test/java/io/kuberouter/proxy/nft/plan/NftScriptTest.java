package io.kuberouter.proxy.nft.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.FrontendKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Full and delta scripts: what is flushed, kept, written and deleted, and in which order. */
class NftScriptTest {

    private static final BaseRules.Base BASE = BaseRules.of(Set.of(IpFamily.IPV4), List.of("10.244.1.0/24"), false);

    private static FrontendRules web(int affinity, String... backends) {
        var list = java.util.Arrays.stream(backends).map(b -> FrontendTranslationTest.ready(b, 8080))
                .toArray(io.kuberouter.api.proxy.Backend[]::new);
        return FrontendTranslation.of(FrontendTranslationTest.server(FrontendKind.CLUSTER_IP, "10.96.0.10",
                Protocol.TCP, 80, affinity, list));
    }

    @Test
    void fullOnAnEmptyKernelDeclaresThenWritesThenFillsMaps() {
        String script = NftScript.full(BASE, List.of(web(0, "10.244.1.5")), TableListing.EMPTY);
        List<String> lines = script.lines().toList();
        assertEquals("add table inet kube-router-proxy", lines.get(0));
        assertFalse(script.contains("flush"));
        assertFalse(script.contains("delete"));
        int lastDeclaration = lastIndex(lines, "add chain");
        int firstRule = firstIndex(lines, "add rule");
        int firstElement = firstIndex(lines, "add element");
        assertTrue(lastDeclaration < firstRule && firstRule < firstElement, script);
        assertTrue(lines.get(lines.size() - 1).startsWith(
                "add element inet kube-router-proxy service-ips { 10.96.0.10 . tcp . 80 : goto vs-"), script);
    }

    @Test
    void fullFlushesEverythingButAffinitySetsAndDeletesWhatIsNotWanted() {
        FrontendRules sticky = web(600, "10.244.1.5");
        String affinity = sticky.sets().get(0).name();
        TableListing existing = new TableListing(Set.of("services", "vs-stale"),
                Map.of("service-ips", "map", affinity, "set", "aff-stale", "set"));
        String script = NftScript.full(BASE, List.of(sticky), existing);
        assertTrue(script.contains("flush chain inet kube-router-proxy services\n"));
        assertTrue(script.contains("flush chain inet kube-router-proxy vs-stale\n"));
        assertTrue(script.contains("flush map inet kube-router-proxy service-ips\n"));
        assertFalse(script.contains("flush set inet kube-router-proxy " + affinity + "\n"), "affinity entries stay");
        assertTrue(script.indexOf("delete chain inet kube-router-proxy vs-stale") > script.indexOf("add element"));
        assertTrue(script.endsWith("delete set inet kube-router-proxy aff-stale\n"), script);
    }

    @Test
    void deltaOfAnUnchangedFrontendIsEmpty() {
        assertEquals("", NftScript.delta(Map.of("k", web(0, "10.244.1.5")), Map.of("k", web(0, "10.244.1.5"))));
    }

    @Test
    void deltaRemovingABackendRewritesTheServiceChainAndDeletesOnlyThatBackend() {
        FrontendRules before = web(0, "10.244.1.5", "10.244.1.6");
        FrontendRules after = web(0, "10.244.1.5");
        String script = NftScript.delta(Map.of("k", before), Map.of("k", after));
        String gone = before.chains().stream().map(NftChain::name).filter(n -> n.endsWith("10.244.1.6/8080"))
                .findFirst().orElseThrow();
        String kept = after.chains().get(1).name();
        assertTrue(script.contains("flush chain inet kube-router-proxy " + after.chains().get(0).name() + "\n"));
        assertTrue(script.contains("flush chain inet kube-router-proxy " + gone + "\n"));
        assertTrue(script.endsWith("delete chain inet kube-router-proxy " + gone + "\n"), script);
        assertFalse(script.contains("kube-router-proxy " + kept + " "), "the kept backend's chain is not touched");
        assertFalse(script.contains("chain inet kube-router-proxy " + kept + "\n"), "the kept backend's chain stays");
        assertFalse(script.contains("element"), "the map element still points to the same chain");
    }

    @Test
    void deltaOfAFrontendLosingAllBackendsMovesItsElementToTheNoEndpointMap() {
        FrontendRules before = web(0, "10.244.1.5");
        FrontendRules after = web(0);
        String script = NftScript.delta(Map.of("k", before), Map.of("k", after));
        List<String> lines = script.lines().toList();
        int delete = firstIndex(lines, "delete element inet kube-router-proxy service-ips { 10.96.0.10 . tcp . 80 }");
        int add = firstIndex(lines, "add element inet kube-router-proxy no-endpoint-ips { 10.96.0.10 . tcp . 80 : "
                + "goto reject-no-endpoints }");
        int chainDelete = firstIndex(lines, "delete chain");
        assertTrue(delete >= 0 && delete < add && add < chainDelete, script);
    }

    @Test
    void deltaOfANewFrontendDeclaresItsObjects() {
        FrontendRules added = web(600, "10.244.1.5");
        String script = NftScript.delta(Map.of(), Map.of("k", added));
        assertTrue(script.contains("add chain inet kube-router-proxy " + added.chains().get(0).name() + "\n"), script);
        assertTrue(script.contains("add chain inet kube-router-proxy " + added.chains().get(1).name() + "\n"), script);
        assertTrue(script.contains("add set inet kube-router-proxy " + added.sets().get(0).name()
                + " { type ipv4_addr ; flags dynamic,timeout ; timeout 600s ; }\n"));
        assertFalse(script.contains("flush") || script.contains("delete"));
    }

    private static int firstIndex(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndex(List<String> lines, String prefix) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                last = i;
            }
        }
        return last;
    }
}
