package io.kuberouter.proxy.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership.VipRange;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.proxy.ipvs.kernel.IpvsOwnership;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The PID io.kuberouter.proxy as the launcher writes it (docs/flags.md) turned into the controller's settings. */
class ConfigSettingsTest {

    @Test
    void defaultsAreKubeRoutersDefaults() {
        ProxySettings s = ConfigSettings.of(config(Map.of()));
        assertEquals(Duration.ofMinutes(5), s.syncPeriod());
        assertEquals(Set.of(IpFamily.IPV4), s.model().families());
        assertEquals(List.of(IpPrefix.parse("10.96.0.0/12")), s.model().clusterIpRanges());
        assertTrue(s.model().strictExternalIpValidation() && s.kernel().permitAll());
        assertEquals(Duration.ofSeconds(30), s.kernel().gracefulPeriod());
        assertEquals(new IpvsTimeouts(0, 0, 0), s.kernel().timeouts());
    }

    @Test
    void flagsMapOntoModelAndKernelSettings() {
        ProxySettings s = ConfigSettings.of(config(Map.ofEntries(Map.entry("ipvs_sync_period", 60_000L),
                Map.entry("enable_ipv6", true), Map.entry("service_external_ip_range", new String[] {"192.0.2.0/24"}),
                Map.entry("loadbalancer_ip_range", new String[] {"198.51.100.0/24", " "}),
                Map.entry("excluded_cidrs", new String[] {"172.30.0.0/16"}), Map.entry("masquerade_all", true),
                Map.entry("ipvs_graceful_termination", true), Map.entry("nodeport_bindon_all_ip", true),
                Map.entry("service_tcp_timeout", 7_200_000L), Map.entry("service_udp_timeout", 500L),
                Map.entry("service_node_port_range", "31000:31999"))));
        assertEquals(Duration.ofMinutes(1), s.syncPeriod());
        assertEquals(Set.of(IpFamily.IPV4, IpFamily.IPV6), s.kernel().families());
        assertEquals(List.of(IpPrefix.parse("198.51.100.0/24")), s.model().loadBalancerIpRanges());
        assertEquals(new IpvsOwnership(List.of(VipRange.of("10.96.0.0/12"), VipRange.of("192.0.2.0/24"),
                VipRange.of("198.51.100.0/24")), 31000, 31999, List.of(IpPrefix.parse("172.30.0.0/16"))),
                s.kernel().ownership());
        assertTrue(s.kernel().masqueradeAll() && s.kernel().gracefulTermination() && s.model().nodePortBindOnAllIp());
        assertEquals(new IpvsTimeouts(7200, 0, 1), s.kernel().timeouts());
    }

    @Test
    void aSyncPeriodOfZeroIsRefusedAsUpstreamDoes() {
        assertThrows(IllegalArgumentException.class, () -> ConfigSettings.of(config(Map.of("ipvs_sync_period", 0L))));
    }

    /** The configuration with {@code values} by method name and the declared defaults elsewhere. */
    private static ProxyConfig config(Map<String, Object> values) {
        return (ProxyConfig) Proxy.newProxyInstance(ProxyConfig.class.getClassLoader(), new Class<?>[] {ProxyConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }
}
