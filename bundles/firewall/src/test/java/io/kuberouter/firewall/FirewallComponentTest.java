package io.kuberouter.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.testing.FakeKernel;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The DS component without a framework: configuration mapping, the capability it registers, and what
 * deactivation does to the kernel depending on whether the whole agent stops. The metrics it registers go to a
 * context that accepts everything.
 */
class FirewallComponentTest {

    private final FakeKernel kernel = new FakeKernel();
    private final FakeClusterState cluster = new FakeClusterState("n1");

    @Test
    void stoppingTheBundleRemovesTheFirewallsState() throws InterruptedException {
        FirewallComponent component = started(Bundle.ACTIVE);
        assertEquals("firewall", component.name());
        assertTrue(component.ownership().ownsChain("KUBE-POD-FW-ABC"));
        assertTrue(component.ownership().ownsIpset("inet6:KUBE-SRC-ABC"));
        assertFalse(component.ownership().ownsChain("KUBE-ROUTER-SERVICES"), "the proxy's");
        component.deactivate();
        assertFalse(filter().contains("KUBE-"), filter());
    }

    @Test
    void stoppingTheAgentLeavesTheRulesForTheNextStart() throws InterruptedException {
        FirewallComponent component = started(Bundle.STOPPING);
        component.deactivate();
        assertTrue(filter().contains("-A INPUT -m comment --comment \"kube-router netpol - "), filter());
    }

    @Test
    void mapsTheLaunchersProperties() {
        var settings = ConfigSettings.of(config(Map.of("enable_ipv6", true, "service_cluster_ip_range",
                new String[] {"10.96.0.0/12", "fd00::/112"}, "service_node_port_range", "31000-31999")));
        assertEquals(List.of(IpFamily.IPV4, IpFamily.IPV6),
                settings.families());
        assertEquals("31000:31999", settings.nodePortDports());
    }

    private FirewallComponent started(int systemBundleState) throws InterruptedException {
        cluster.put(ClusterObjects.node("n1", "192.0.2.10", "10.1.0.0/24"), ClusterObjects.namespace("x"),
                ClusterObjects.pod("x", "a", "n1", List.of("10.1.0.1"), List.of(), List.of()));
        FirewallComponent c = new FirewallComponent(context(systemBundleState), config(Map.of()));
        c.bindIptables(kernel.iptables());
        c.bindIpsets(kernel.ipsets());
        c.bindClusterState(cluster);
        for (int i = 0; i < 500 && c.heartbeats().controllers().get(0).lastBeat() == null; i++) {
            Thread.sleep(10);
        }
        assertTrue(filter().contains("KUBE-POD-FW-"), "synced");
        return c;
    }

    private String filter() {
        return kernel.iptables().table(AddressFamily.INET, "filter").render();
    }

    /** A configuration with the launcher's defaults, {@code overrides} by method name. */
    private static FirewallConfig config(Map<String, Object> overrides) {
        return (FirewallConfig) Proxy.newProxyInstance(FirewallConfig.class.getClassLoader(),
                new Class<?>[] {FirewallConfig.class}, (proxy, method, args) -> overrides.containsKey(method.getName())
                        ? overrides.get(method.getName()) : method.getDefaultValue());
    }

    private static BundleContext context(int systemBundleState) {
        Bundle system = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getState") ? systemBundleState : null);
        Object registration = Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> system;
                    case "registerService" -> registration;
                    default -> null;
                });
    }
}
