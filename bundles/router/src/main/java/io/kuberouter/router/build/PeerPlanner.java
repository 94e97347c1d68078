package io.kuberouter.router.build;

import io.kuberouter.api.cluster.Node;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.speaker.PeerConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plans this node's BGP speaker and peers the way kube-router does (behaviour reference §5.2, §5.3). Pure.
 *
 * <ul>
 *   <li>AS: {@code --cluster-asn} (64512) in full mesh, else the node's {@code kube-router.io/node.asn}, without
 *       which BGP does not start.</li>
 *   <li>iBGP ({@code --enable-ibgp}): every other node whose primary IP has our primary IP's family; outside full
 *       mesh only nodes with our ASN; a route-reflector client only peers with {@code rr.server} nodes; a server
 *       marks {@code rr.client} nodes as its clients. Neighbor = the node's primary IP, local address = ours,
 *       port {@code --bgp-port}, default timers, no password.</li>
 *   <li>External: the {@code --peer-router-*} peers, else the node's annotated peers; hold time
 *       {@code --bgp-holdtime}, multihop TTL when 2 or more; skipped when the local address family differs.</li>
 * </ul>
 */
public final class PeerPlanner {

    private PeerPlanner() {
    }

    /**
     * @param local this node
     * @param others every other node
     * @param bgp the parsed annotations of every node, by node name
     * @return the plan, or empty (with a problem reported) when BGP cannot start on this node
     */
    public static Optional<BgpPlan> plan(Node local, Collection<Node> others, Map<String, NodeBgp> bgp,
            RouterSettings settings, Consumer<String> problems) {
        Optional<InetAddress> primary = local.primaryIp().map(NodeAnnotations::ip);
        if (primary.isEmpty()) {
            problems.accept("node " + local.name() + " has no InternalIP or ExternalIP; BGP cannot start");
            return Optional.empty();
        }
        NodeBgp mine = bgp.getOrDefault(local.name(), NodeBgp.NONE);
        OptionalLong asn = settings.fullMesh() ? OptionalLong.of(settings.effectiveClusterAsn()) : mine.asn();
        if (asn.isEmpty()) {
            problems.accept("node " + local.name() + ": --nodes-full-mesh=false needs the annotation "
                    + NodeAnnotations.NODE_ASN + "; BGP does not start");
            return Optional.empty();
        }
        Optional<Inet4Address> routerId = routerId(settings.routerId(), local, problems);
        if (routerId.isEmpty()) {
            return Optional.empty();
        }
        List<PeerConfig> ibgp = settings.enableIbgp()
                ? ibgpPeers(local, primary.get(), others, bgp, mine, asn.getAsLong(), settings) : List.of();
        List<PeerConfig> external = externalPeers(primary.get(), mine, settings, problems);
        List<InetAddress> listen = mine.localAddresses().isEmpty() ? List.of(primary.get()) : mine.localAddresses();
        return Optional.of(new BgpPlan(asn.getAsLong(), routerId.get(), listen, ibgp, external,
                mine.rrServer().isPresent()));
    }

    private static List<PeerConfig> ibgpPeers(Node local, InetAddress primary, Collection<Node> others,
            Map<String, NodeBgp> bgp, NodeBgp mine, long asn, RouterSettings settings) {
        List<PeerConfig> peers = new ArrayList<>();
        for (Node node : others.stream().sorted(Comparator.comparing(Node::name)).toList()) {
            if (node.name().equals(local.name()) || node.primaryIp().isEmpty()) {
                continue;
            }
            InetAddress address = NodeAnnotations.ip(node.primaryIp().get());
            NodeBgp theirs = bgp.getOrDefault(node.name(), NodeBgp.NONE);
            if (address.getClass() != primary.getClass()
                    || (!settings.fullMesh() && !theirs.asn().equals(OptionalLong.of(asn)))
                    || (mine.rrClient().isPresent() && mine.rrServer().isEmpty() && theirs.rrServer().isEmpty())) {
                continue;
            }
            PeerConfig.Builder peer = PeerConfig.builder(address, asn).port(settings.bgpPort()).localAddress(primary)
                    .families(Set.of(family(address))).gracefulRestart(settings.gracefulRestart());
            if (mine.rrServer().isPresent() && theirs.rrClient().isPresent()) {
                peer.routeReflectorClient(true);
                clusterId(mine.rrServer().get()).ifPresent(peer::clusterId);
            }
            peers.add(peer.build());
        }
        return peers;
    }

    private static List<PeerConfig> externalPeers(InetAddress primary, NodeBgp mine, RouterSettings settings,
            Consumer<String> problems) {
        List<ExternalPeer> configured = settings.globalPeers().isEmpty() ? mine.peers() : settings.globalPeers();
        List<PeerConfig> peers = new ArrayList<>();
        for (ExternalPeer peer : configured) {
            InetAddress localAddress = peer.localAddress().orElse(primary);
            if (localAddress.getClass() != peer.address().getClass()) {
                problems.accept("external peer " + peer.address().getHostAddress() + ": local address "
                        + localAddress.getHostAddress() + " is of another family; skipped");
                continue;
            }
            PeerConfig.Builder config = PeerConfig.builder(peer.address(), peer.asn()).port(peer.port())
                    .localAddress(localAddress).holdTime(settings.holdTime()).families(Set.of(family(localAddress)))
                    .gracefulRestart(settings.gracefulRestart());
            peer.password().ifPresent(config::password);
            if (settings.multihopTtl() >= 2) {
                config.multihopTtl(settings.multihopTtl());
            }
            peers.add(config.build());
        }
        return peers;
    }

    /** {@code --router-id}: an IPv4 address, {@code generate} (FNV-32a of the primary IP), or empty (the IPv4 IP). */
    static Optional<Inet4Address> routerId(String configured, Node local, Consumer<String> problems) {
        if (configured.isEmpty()) {
            Optional<InetAddress> v4 = local.ips().stream().map(NodeAnnotations::ip)
                    .filter(Inet4Address.class::isInstance).findFirst();
            if (v4.isEmpty()) {
                problems.accept("node " + local.name() + " has no IPv4 address: --router-id is required");
            }
            return v4.map(Inet4Address.class::cast);
        }
        if (configured.equals("generate")) {
            int hash = 0x811C9DC5;
            for (byte b : local.primaryIp().orElseThrow().getBytes(StandardCharsets.US_ASCII)) {
                hash = (hash ^ (b & 0xFF)) * 0x01000193;
            }
            return Optional.of((Inet4Address) io.kuberouter.bgp.codec.model.IpPrefix.addressOf(new byte[] {
                (byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash}));
        }
        try {
            InetAddress address = NodeAnnotations.ip(configured);
            if (address instanceof Inet4Address v4) {
                return Optional.of(v4);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.accept("--router-id '" + configured + "' is not an IPv4 address or 'generate'");
        return Optional.empty();
    }

    /** The cluster id of {@code kube-router.io/rr.server}: a uint32 or an IPv4 address. */
    static Optional<Inet4Address> clusterId(String text) {
        try {
            long id = NodeAnnotations.number(text);
            return Optional.of((Inet4Address) io.kuberouter.bgp.codec.model.IpPrefix.addressOf(new byte[] {
                (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id}));
        } catch (IllegalArgumentException e) {
            try {
                return Optional.of(NodeAnnotations.ip(text)).filter(Inet4Address.class::isInstance)
                        .map(Inet4Address.class::cast);
            } catch (IllegalArgumentException notIp) {
                return Optional.empty();
            }
        }
    }

    private static AddressFamily family(InetAddress address) {
        return address instanceof Inet4Address ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST;
    }
}
