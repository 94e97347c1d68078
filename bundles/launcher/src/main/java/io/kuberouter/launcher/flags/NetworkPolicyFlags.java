package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.ValueTypes.BOOL;
import static io.kuberouter.launcher.flags.ValueTypes.DURATION;

import java.time.Duration;
import java.util.List;

/**
 * Network policy flags of kube-router v2.11 (behaviour reference §1.3): defaults and help as upstream. The help of
 * {@code --netpol-default-deny} is written from the behaviour reference: its upstream text was not available.
 */
public final class NetworkPolicyFlags {

    public static final Flag<Duration> IPTABLES_SYNC_PERIOD = Flag.upstream("iptables-sync-period", DURATION,
            Duration.ofMinutes(5),
            "The delay between iptables rule synchronizations (e.g. '5s', '1m'). Must be greater than 0.");
    public static final Flag<Boolean> NETPOL_DEFAULT_DENY = Flag.upstream("netpol-default-deny", BOOL, false,
            "Reject traffic of local pods until the network policy controller has set up their firewall chain.");
    public static final Flag<Boolean> USE_NFTABLES_FOR_NETPOL = Flag.upstream("use-nftables-for-netpol", BOOL, false,
            "Use nftables instead of iptables for the network policy controller. Requires nft >= 1.0.1 and kernel "
                    + "nftables support.");

    private NetworkPolicyFlags() {
    }

    static List<Flag<?>> all() {
        return List.of(IPTABLES_SYNC_PERIOD, NETPOL_DEFAULT_DENY, USE_NFTABLES_FOR_NETPOL);
    }
}
