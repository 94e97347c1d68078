package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.ValueTypes.BOOL;
import static io.kuberouter.launcher.flags.ValueTypes.DURATION;
import static io.kuberouter.launcher.flags.ValueTypes.IPS;
import static io.kuberouter.launcher.flags.ValueTypes.PORT;
import static io.kuberouter.launcher.flags.ValueTypes.STRING;
import static io.kuberouter.launcher.flags.ValueTypes.STRINGS;
import static io.kuberouter.launcher.flags.ValueTypes.UINT;
import static io.kuberouter.launcher.flags.ValueTypes.UINT16;
import static io.kuberouter.launcher.flags.ValueTypes.UINT32;
import static io.kuberouter.launcher.flags.ValueTypes.UINT8;
import static io.kuberouter.launcher.flags.ValueTypes.UINTS;

import java.time.Duration;
import java.util.List;

/**
 * BGP speaker, peering, BFD and GoBGP-admin flags of kube-router v2.11 (behaviour reference §1.4): defaults and
 * help as upstream. The help of the BFD flags and of {@code --gobgp-admin-address} is written from the behaviour
 * reference: their upstream text was not available to compare against.
 */
public final class BgpFlags {

    public static final Flag<Boolean> ENABLE_IBGP = Flag.upstream("enable-ibgp", BOOL, true,
            "Enables peering with nodes with the same ASN, if disabled will only peer with external BGP peers");
    public static final Flag<Boolean> NODES_FULL_MESH = Flag.upstream("nodes-full-mesh", BOOL, true,
            "Each node in the cluster will setup BGP peering with rest of the nodes.");
    public static final Flag<Long> CLUSTER_ASN = Flag.upstream("cluster-asn", UINT, 0L,
            "ASN number under which cluster nodes will run iBGP.");
    public static final Flag<String> ROUTER_ID = Flag.upstream("router-id", STRING, "",
            "BGP router-id. Must be specified in a ipv6 only cluster, \"generate\" can be specified to generate the "
                    + "router id.");
    public static final Flag<Long> BGP_PORT = Flag.upstream("bgp-port", PORT, 179L,
            "The port open for incoming BGP connections and to use for connecting with other BGP peers.");
    public static final Flag<Duration> BGP_HOLDTIME = Flag.upstream("bgp-holdtime", DURATION, Duration.ofSeconds(90),
            "This parameter is mainly used to modify the holdtime declared to BGP peer. When kube-router goes down "
                    + "abnormally, the local saving time of BGP route will be affected. Holdtime must be in the "
                    + "range 3s to 18h12m16s.");
    public static final Flag<Boolean> BGP_GRACEFUL_RESTART = Flag.upstream("bgp-graceful-restart", BOOL, false,
            "Enables the BGP Graceful Restart capability so that routes are preserved on unexpected restarts");
    public static final Flag<Duration> BGP_GRACEFUL_RESTART_TIME = Flag.upstream("bgp-graceful-restart-time",
            DURATION, Duration.ofSeconds(90), "BGP Graceful restart time according to RFC4724 3, maximum 4095s.");
    public static final Flag<Duration> BGP_GRACEFUL_RESTART_DEFERRAL_TIME = Flag.upstream(
            "bgp-graceful-restart-deferral-time", DURATION, Duration.ofSeconds(360),
            "BGP Graceful restart deferral time according to RFC4724 4.1, maximum 18h.");
    public static final Flag<List<IpAddress>> PEER_ROUTER_IPS = Flag.upstream("peer-router-ips", IPS, List.of(),
            "The ip address of the external router to which all nodes will peer and advertise the cluster ip and "
                    + "pod cidr's.");
    public static final Flag<List<Long>> PEER_ROUTER_ASNS = Flag.upstream("peer-router-asns", UINTS, List.of(),
            "ASN numbers of the BGP peer to which cluster nodes will advertise cluster ip and node's pod cidr.");
    public static final Flag<List<Long>> PEER_ROUTER_PORTS = Flag.upstream("peer-router-ports", UINTS, List.of(),
            "The remote port of the external BGP to which all nodes will peer. If not set, default BGP port (179) "
                    + "will be used.");
    public static final Flag<List<String>> PEER_ROUTER_PASSWORDS = Flag.upstream("peer-router-passwords", STRINGS,
            List.of(), "Password for authenticating against the BGP peer defined with \"--peer-router-ips\".");
    public static final Flag<String> PEER_ROUTER_PASSWORDS_FILE = Flag.upstream("peer-router-passwords-file", STRING,
            "", "Path to file containing password for authenticating against the BGP peer defined with "
                    + "\"--peer-router-ips\". --peer-router-passwords will be preferred if both are set.");
    public static final Flag<Long> PEER_ROUTER_MULTIHOP_TTL = Flag.upstream("peer-router-multihop-ttl", UINT8, 0L,
            "Enable eBGP multihop supports -- sets multihop-ttl. (Relevant only if ttl >= 2)");
    public static final Flag<Boolean> OVERRIDE_NEXTHOP = Flag.upstream("override-nexthop", BOOL, false,
            "Override the next-hop in bgp routes sent to peers with the local ip.");
    public static final Flag<Boolean> ENABLE_BFD = Flag.upstream("enable-bfd", BOOL, false,
            "Enables BFD (Bidirectional Forwarding Detection) for the global external BGP peers.");
    public static final Flag<Long> BFD_PORT = Flag.upstream("bfd-port", PORT, 3784L,
            "UDP port of the BFD sessions with the global external BGP peers.");
    public static final Flag<Long> BFD_DETECTION_MULTIPLIER = Flag.upstream("bfd-detection-multiplier", UINT32, 3L,
            "BFD detection multiplier, 1 to 255.");
    public static final Flag<Long> BFD_DESIRED_MIN_TX_INTERVAL = Flag.upstream("bfd-desired-min-tx-interval", UINT32,
            1000L, "BFD desired minimum transmit interval in milliseconds.");
    public static final Flag<Long> BFD_REQUIRED_MIN_RX_INTERVAL = Flag.upstream("bfd-required-min-rx-interval",
            UINT32, 1000L, "BFD required minimum receive interval in milliseconds.");
    public static final Flag<String> GOBGP_ADMIN_ADDRESS = Flag.upstream("gobgp-admin-address", STRING, "127.0.0.1",
            "Address of the GoBGP gRPC server for administrative purposes (127.0.0.1 is always used as well).");
    public static final Flag<Long> GOBGP_ADMIN_PORT = Flag.upstream("gobgp-admin-port", UINT16, 50051L,
            "Port to connect to GoBGP for administrative purposes. Setting this to 0 will disable the GoBGP gRPC "
                    + "server.");

    private BgpFlags() {
    }

    static List<Flag<?>> all() {
        return List.of(ENABLE_IBGP, NODES_FULL_MESH, CLUSTER_ASN, ROUTER_ID, BGP_PORT, BGP_HOLDTIME,
                BGP_GRACEFUL_RESTART, BGP_GRACEFUL_RESTART_TIME, BGP_GRACEFUL_RESTART_DEFERRAL_TIME, PEER_ROUTER_IPS,
                PEER_ROUTER_ASNS, PEER_ROUTER_PORTS, PEER_ROUTER_PASSWORDS, PEER_ROUTER_PASSWORDS_FILE,
                PEER_ROUTER_MULTIHOP_TTL, OVERRIDE_NEXTHOP, ENABLE_BFD, BFD_PORT, BFD_DETECTION_MULTIPLIER,
                BFD_DESIRED_MIN_TX_INTERVAL, BFD_REQUIRED_MIN_RX_INTERVAL, GOBGP_ADMIN_ADDRESS, GOBGP_ADMIN_PORT);
    }
}
