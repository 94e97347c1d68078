package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.ValueTypes.BOOL;
import static io.kuberouter.launcher.flags.ValueTypes.CIDRS;
import static io.kuberouter.launcher.flags.ValueTypes.DURATION;
import static io.kuberouter.launcher.flags.ValueTypes.STRING;

import java.time.Duration;
import java.util.List;

/** Service proxy flags of kube-router v2.11 (behaviour reference §1.2): defaults and help as upstream. */
public final class ServiceProxyFlags {

    public static final Flag<Duration> IPVS_SYNC_PERIOD = Flag.upstream("ipvs-sync-period", DURATION,
            Duration.ofMinutes(5),
            "The delay between ipvs config synchronizations (e.g. '5s', '1m', '2h22m'). Must be greater than 0.");
    public static final Flag<Boolean> IPVS_GRACEFUL_TERMINATION = Flag.upstream("ipvs-graceful-termination", BOOL,
            false, "Enables the experimental IPVS graceful termination capability");
    public static final Flag<Duration> IPVS_GRACEFUL_PERIOD = Flag.upstream("ipvs-graceful-period", DURATION,
            Duration.ofSeconds(30),
            "The graceful period before removing destinations from IPVS services (e.g. '5s', '1m', '2h22m'). Must "
                    + "be greater than 0.");
    public static final Flag<Boolean> IPVS_PERMIT_ALL = Flag.upstream("ipvs-permit-all", BOOL, true,
            "Enables rule to accept all incoming traffic to service VIP's on the node.");
    public static final Flag<Boolean> MASQUERADE_ALL = Flag.upstream("masquerade-all", BOOL, false,
            "SNAT all traffic to cluster IP/node port.");
    public static final Flag<Boolean> NODEPORT_BINDON_ALL_IP = Flag.upstream("nodeport-bindon-all-ip", BOOL, false,
            "For service of NodePort type create IPVS service that listens on all IP's of the node.");
    public static final Flag<Boolean> HAIRPIN_MODE = Flag.upstream("hairpin-mode", BOOL, false,
            "Add iptables rules for every Service Endpoint to support hairpin traffic.");
    public static final Flag<List<Cidr>> EXCLUDED_CIDRS = Flag.upstream("excluded-cidrs", CIDRS, List.of(),
            "Excluded CIDRs are used to exclude IPVS rules from deletion.");
    public static final Flag<String> RUNTIME_ENDPOINT = Flag.upstream("runtime-endpoint", STRING, "",
            "Path to CRI compatible container runtime socket (used for DSR mode). Currently known working with "
                    + "containerd.");
    public static final Flag<Duration> SERVICE_TCP_TIMEOUT = Flag.upstream("service-tcp-timeout", DURATION,
            Duration.ZERO, timeoutUsage("TCP"));
    public static final Flag<Duration> SERVICE_TCPFIN_TIMEOUT = Flag.upstream("service-tcpfin-timeout", DURATION,
            Duration.ZERO, timeoutUsage("TCP FIN"));
    public static final Flag<Duration> SERVICE_UDP_TIMEOUT = Flag.upstream("service-udp-timeout", DURATION,
            Duration.ZERO, timeoutUsage("UDP"));

    private ServiceProxyFlags() {
    }

    static List<Flag<?>> all() {
        return List.of(IPVS_SYNC_PERIOD, IPVS_GRACEFUL_TERMINATION, IPVS_GRACEFUL_PERIOD, IPVS_PERMIT_ALL,
                MASQUERADE_ALL, NODEPORT_BINDON_ALL_IP, HAIRPIN_MODE, EXCLUDED_CIDRS, RUNTIME_ENDPOINT,
                SERVICE_TCP_TIMEOUT, SERVICE_TCPFIN_TIMEOUT, SERVICE_UDP_TIMEOUT);
    }

    private static String timeoutUsage(String protocol) {
        return "Specify " + protocol + " timeout for IPVS services in standard duration syntax (e.g. '5s', '1m'), "
                + "default 0s preserves default system value (default: 0s)";
    }
}
