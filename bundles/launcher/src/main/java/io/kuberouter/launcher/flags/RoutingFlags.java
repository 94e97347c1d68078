package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.ValueTypes.BOOL;
import static io.kuberouter.launcher.flags.ValueTypes.DURATION;
import static io.kuberouter.launcher.flags.ValueTypes.STRING;
import static io.kuberouter.launcher.flags.ValueTypes.UINT16;

import java.time.Duration;
import java.util.List;

/**
 * Routing, CNI and overlay flags of kube-router v2.11 (behaviour reference §1.4, without the BGP session flags of
 * {@link BgpFlags}): defaults and help as upstream.
 */
public final class RoutingFlags {

    public static final Flag<Duration> ROUTES_SYNC_PERIOD = Flag.upstream("routes-sync-period", DURATION,
            Duration.ofMinutes(5),
            "The delay between route updates and advertisements (e.g. '5s', '1m', '2h22m'). Must be greater than 0.");
    public static final Flag<Duration> INJECTED_ROUTES_SYNC_PERIOD = Flag.upstream("injected-routes-sync-period",
            DURATION, Duration.ofSeconds(60),
            "The delay between route table synchronizations  (e.g. '5s', '1m', '2h22m'). Must be greater than 0.");
    public static final Flag<Boolean> ENABLE_CNI = Flag.upstream("enable-cni", BOOL, true,
            "Enable CNI plugin. Disable if you want to use kube-router features alongside another CNI plugin.");
    public static final Flag<Boolean> AUTO_MTU = Flag.upstream("auto-mtu", BOOL, true,
            "Auto detect and set the largest possible MTU for kube-bridge and pod interfaces (also accounts for "
                    + "IPIP overlay network when enabled).");
    public static final Flag<Boolean> ENABLE_OVERLAY = Flag.upstream("enable-overlay", BOOL, true,
            "When enable-overlay is set to true, IP-in-IP tunneling is used for pod-to-pod networking across "
                    + "nodes in different subnets. When set to false no tunneling is used and routing infrastructure "
                    + "is expected to route traffic for pod-to-pod networking across nodes in different subnets");
    public static final Flag<String> OVERLAY_TYPE = Flag.upstream("overlay-type", STRING, "subnet",
            "Possible values: subnet,full - When set to \"subnet\", the default, default \"--enable-overlay=true\" "
                    + "behavior is used. When set to \"full\", it changes \"--enable-overlay=true\" default behavior "
                    + "so that IP-in-IP tunneling is used for pod-to-pod networking across nodes regardless of the "
                    + "subnet the nodes are in.");
    public static final Flag<String> OVERLAY_ENCAP = Flag.upstream("overlay-encap", STRING, "ipip",
            "Valid encapsulation types are \"ipip\" or \"fou\" (if set to \"fou\", the udp port can be specified "
                    + "via \"overlay-encap-port\")");
    public static final Flag<Long> OVERLAY_ENCAP_PORT = Flag.upstream("overlay-encap-port", UINT16, 5555L,
            "Overlay tunnel encapsulation port (only used for \"fou\" encapsulation)");
    public static final Flag<Boolean> ENABLE_POD_EGRESS = Flag.upstream("enable-pod-egress", BOOL, true,
            "SNAT traffic from Pods to destinations outside the cluster.");
    public static final Flag<Boolean> ADVERTISE_CLUSTER_IP = Flag.upstream("advertise-cluster-ip", BOOL, false,
            "Add Cluster IP of the service to the RIB so that it gets advertises to the BGP peers.");
    public static final Flag<Boolean> ADVERTISE_EXTERNAL_IP = Flag.upstream("advertise-external-ip", BOOL, false,
            "Add External IP of service to the RIB so that it gets advertised to the BGP peers.");
    public static final Flag<Boolean> ADVERTISE_LOADBALANCER_IP = Flag.upstream("advertise-loadbalancer-ip", BOOL,
            false, "Add LoadBalancer IP of service status as set by the LB provider to the RIB so that it gets "
                    + "advertised to the BGP peers.");
    public static final Flag<Boolean> ADVERTISE_POD_CIDR = Flag.upstream("advertise-pod-cidr", BOOL, true,
            "Add Node's POD cidr to the RIB so that it gets advertised to the BGP peers.");
    public static final Flag<Boolean> DISABLE_SOURCE_DEST_CHECK = Flag.upstream("disable-source-dest-check", BOOL,
            true, "Disable the source-dest-check attribute for AWS EC2 instances. When this option is false, it must "
                    + "be set some other way.");

    private RoutingFlags() {
    }

    static List<Flag<?>> all() {
        return List.of(ROUTES_SYNC_PERIOD, INJECTED_ROUTES_SYNC_PERIOD, ENABLE_CNI, AUTO_MTU, ENABLE_OVERLAY,
                OVERLAY_TYPE, OVERLAY_ENCAP, OVERLAY_ENCAP_PORT, ENABLE_POD_EGRESS, ADVERTISE_CLUSTER_IP,
                ADVERTISE_EXTERNAL_IP, ADVERTISE_LOADBALANCER_IP, ADVERTISE_POD_CIDR, DISABLE_SOURCE_DEST_CHECK);
    }
}
