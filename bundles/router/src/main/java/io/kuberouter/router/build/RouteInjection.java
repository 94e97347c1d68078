package io.kuberouter.router.build;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.TunnelMode;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.rule.Rule;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel routes for the learned best paths (behaviour reference §5.6, {@code pkg/routes},
 * {@code pkg/tunnels}). Pure. For each learned prefix and its next hop:
 *
 * <ul>
 *   <li>tunnel iff {@code --enable-overlay} and ({@code --overlay-type=full} or the next hop is outside every
 *       subnet of this node): an ipip link {@code tun-<hash>} (local = our IP, remote = next hop), the route
 *       {@code <next hop>/32 dev tun-x table 77} and {@code <prefix> dev tun-x src <our IP> proto 17};</li>
 *   <li>same subnet: {@code <prefix> via <next hop> proto 17};</li>
 *   <li>otherwise (another subnet, overlay off) nothing: upstream routers must route.</li>
 * </ul>
 * With the overlay on, each local pod CIDR gets {@code from <pod CIDR> lookup 77}.
 */
public final class RouteInjection {

    /** Route protocol of injected routes (0x11), kube-router's {@code zebra} protocol number. */
    public static final int PROTOCOL = 0x11;
    /** The {@code kube-router} policy routing table of the overlay. */
    public static final int TABLE = 77;
    /** Priority of the {@code from <pod CIDR> lookup 77} rules (what the kernel gives upstream's rule). */
    public static final int RULE_PRIORITY = 32765;
    /** Prefix of tunnel link names. */
    public static final String TUNNEL_PREFIX = "tun-";

    private RouteInjection() {
    }

    /**
     * @param learned the best path next hop of each prefix learned from a peer
     * @param localIps this node's IPs; paths pointing at them are ignored
     * @param localSubnets the subnets of this node's addresses
     * @param localPodCidrs this node's pod CIDRs; never routed elsewhere
     */
    public static KernelRoutes build(Map<IpPrefix, InetAddress> learned, Collection<InetAddress> localIps,
            Collection<IpPrefix> localSubnets, Collection<IpPrefix> localPodCidrs, RouterSettings settings) {
        Map<String, LinkSpec.IpTunnel> tunnels = new HashMap<>();
        Map<KernelRoutes.RouteKey, Route> routes = new HashMap<>();
        Map<Rule, Rule> rules = new HashMap<>();
        learned.forEach((prefix, nextHop) -> {
            IpPrefix dst = prefix.network();
            if (localPodCidrs.contains(dst) || localIps.contains(nextHop)
                    || AddressFamily.of(nextHop) != dst.family()) {
                return;
            }
            boolean sameSubnet = localSubnets.stream().anyMatch(s -> s.contains(nextHop));
            Optional<InetAddress> source = localIps.stream().filter(ip -> AddressFamily.of(ip) == dst.family())
                    .findFirst();
            if (settings.enableOverlay() && (settings.fullOverlay() || !sameSubnet) && source.isPresent()) {
                String name = tunnelName(nextHop);
                TunnelMode mode = dst.family() == AddressFamily.INET ? TunnelMode.IPIP : TunnelMode.IP6IP6;
                tunnels.put(name, new LinkSpec.IpTunnel(name, 0, mode, source.get(), Optional.of(nextHop), 0));
                put(routes, Route.to(IpPrefix.host(nextHop)).dev(name).table(TABLE).protocol(PROTOCOL).build());
                put(routes, Route.to(dst).dev(name).src(source.get()).protocol(PROTOCOL).build());
            } else if (sameSubnet) {
                put(routes, Route.to(dst).via(nextHop).protocol(PROTOCOL).build());
            }
        });
        if (settings.enableOverlay()) {
            for (IpPrefix pods : localPodCidrs) {
                Rule rule = Rule.from(pods.network(), RULE_PRIORITY, TABLE);
                rules.put(rule, rule);
            }
        }
        return new KernelRoutes(tunnels, routes, rules);
    }

    /** {@code tun-} + the first 11 hex digits of sha256 of the IP text without dots and colons. */
    public static String tunnelName(InetAddress nextHop) {
        String text = IpPrefix.text(nextHop).replace(".", "").replace(":", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return TUNNEL_PREFIX + HexFormat.of().formatHex(digest).substring(0, 11);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void put(Map<KernelRoutes.RouteKey, Route> routes, Route route) {
        routes.put(KernelRoutes.RouteKey.of(route), route);
    }

}
