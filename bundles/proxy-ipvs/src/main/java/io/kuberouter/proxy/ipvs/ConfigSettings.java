package io.kuberouter.proxy.ipvs;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.proxy.ipvs.kernel.IpvsOwnership;
import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import io.kuberouter.proxy.model.Settings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Turns the component configuration into the controller's {@link ProxySettings}. */
final class ConfigSettings {

    private ConfigSettings() {
    }

    static ProxySettings of(ProxyConfig config) {
        Set<IpFamily> families = EnumSet.noneOf(IpFamily.class);
        if (config.enable_ipv4()) {
            families.add(IpFamily.IPV4);
        }
        if (config.enable_ipv6()) {
            families.add(IpFamily.IPV6);
        }
        Settings model = new Settings(families, cidrs(config.service_cluster_ip_range()),
                cidrs(config.service_external_ip_range()), cidrs(config.loadbalancer_ip_range()),
                config.strict_external_ip_validation(), config.nodeport_bindon_all_ip());
        IpvsTimeouts timeouts = new IpvsTimeouts(seconds(config.service_tcp_timeout()),
                seconds(config.service_tcpfin_timeout()), seconds(config.service_udp_timeout()));
        // validated by the launcher: first-last (or first:last)
        String[] nodePorts = config.service_node_port_range().strip().split("[-:]");
        IpvsOwnership ownership = IpvsOwnership.of(model, Integer.parseInt(nodePorts[0]),
                Integer.parseInt(nodePorts[nodePorts.length - 1]), cidrs(config.excluded_cidrs()));
        ProxyOptions kernel = new ProxyOptions(families, config.masquerade_all(), config.ipvs_permit_all(),
                config.ipvs_graceful_termination(), Duration.ofMillis(config.ipvs_graceful_period()), ownership,
                timeouts);
        return new ProxySettings(model, kernel, Duration.ofMillis(config.ipvs_sync_period()));
    }

    /** CIDRs as the launcher writes them (already validated and masked). */
    private static List<IpPrefix> cidrs(String[] values) {
        return Stream.of(values).map(String::strip).filter(v -> !v.isEmpty()).map(IpPrefix::parse).toList();
    }

    /** IPVS timeouts are whole seconds; a duration below one second but above 0 still sets one. */
    private static int seconds(long millis) {
        return millis <= 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis / 1000));
    }
}
