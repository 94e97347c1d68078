package io.kuberouter.proxy.nft;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.proxy.model.Settings;
import io.kuberouter.proxy.nft.sync.NftSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Turns the component configuration into the controller's {@link NftSettings}. */
final class NftConfigSettings {

    private NftConfigSettings() {
    }

    static NftSettings of(NftProxyConfig config) {
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
        return new NftSettings(model, config.masquerade_all(), Duration.ofMillis(config.ipvs_sync_period()));
    }

    /** CIDRs as the launcher writes them (already validated and masked). */
    private static List<IpPrefix> cidrs(String[] values) {
        return Stream.of(values).map(String::strip).filter(v -> !v.isEmpty()).map(IpPrefix::parse).toList();
    }
}
