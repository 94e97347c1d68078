package io.kuberouter.router;

import io.kuberouter.router.build.ExternalPeer;
import io.kuberouter.router.build.NodeAnnotations;
import io.kuberouter.router.build.RouterSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the component configuration into the builders' {@link RouterSettings}. */
final class ConfigSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSettings.class);

    private ConfigSettings() {
    }

    static RouterSettings of(RouterConfig config) {
        return new RouterSettings(config.enable_ibgp(), config.nodes_full_mesh(), config.cluster_asn(),
                config.router_id(), config.bgp_port(), Duration.ofMillis(config.bgp_holdtime()),
                config.bgp_graceful_restart(), globalPeers(config), config.peer_router_multihop_ttl(),
                config.override_nexthop(), config.advertise_cluster_ip(), config.advertise_external_ip(),
                config.advertise_loadbalancer_ip(), config.advertise_pod_cidr(), config.enable_overlay(),
                "full".equals(config.overlay_type()));
    }

    /** {@code --peer-router-*}, one peer per IP; the launcher has checked the counts and decoded the passwords. */
    static List<ExternalPeer> globalPeers(RouterConfig config) {
        String[] ips = config.peer_router_ips();
        String[] asns = config.peer_router_asns();
        String[] ports = config.peer_router_ports();
        String[] passwords = config.peer_router_passwords();
        List<ExternalPeer> peers = new ArrayList<>();
        for (int i = 0; i < ips.length; i++) {
            try {
                peers.add(new ExternalPeer(NodeAnnotations.ipAddress(ips[i]), Long.parseLong(asns[i]),
                        i < ports.length ? Integer.parseInt(ports[i]) : 179,
                        i < passwords.length ? Optional.of(passwords[i]).filter(p -> !p.isEmpty()) : Optional.empty(),
                        Optional.empty()));
            } catch (RuntimeException e) {
                LOG.error("--peer-router-ips entry {} ignored: {}", ips[i], e.getMessage());
            }
        }
        return peers;
    }

    /**
     * Logs what this build does not do. The launcher refuses {@code --overlay-encap=fou} at start; a configuration
     * edited in the console may still ask for it. BFD is refused by nobody: upstream accepts the flag, and its peers
     * keep their sessions without it (BFD only speeds up failure detection), so a warning says so.
     */
    static void warnUnsupported(RouterConfig config) {
        if (config.enable_overlay() && !"ipip".equals(config.overlay_encap())) {
            LOG.error("--overlay-encap={} is not available in this build (FoU/GUE is not implemented): tunnels use "
                    + "ipip, which nodes using {} do not decapsulate", config.overlay_encap(), config.overlay_encap());
        }
        if (config.enable_bfd()) {
            LOG.warn("--enable-bfd is not available in this build: BGP sessions with the external peers run "
                    + "without BFD and detect failures by their hold time only");
        }
        if (config.enable_overlay() && !"subnet".equals(config.overlay_type()) && !"full".equals(config.overlay_type())) {
            LOG.warn("--overlay-type={} is neither subnet nor full; using subnet", config.overlay_type());
        }
    }
}
