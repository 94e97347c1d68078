package io.kuberouter.firewall;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.build.Settings;
import java.util.ArrayList;
import java.util.List;

/** Turns the component configuration into the builder's {@link Settings}. */
final class ConfigSettings {

    private ConfigSettings() {
    }

    static Settings of(FirewallConfig config) {
        List<IpFamily> families = new ArrayList<>();
        if (config.enable_ipv4()) {
            families.add(IpFamily.IPV4);
        }
        if (config.enable_ipv6()) {
            families.add(IpFamily.IPV6);
        }
        return new Settings(families, List.of(config.service_cluster_ip_range()),
                List.of(config.service_external_ip_range()), List.of(config.loadbalancer_ip_range()),
                config.service_node_port_range(), config.netpol_default_deny());
    }
}
