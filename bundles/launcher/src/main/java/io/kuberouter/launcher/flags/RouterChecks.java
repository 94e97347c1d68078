package io.kuberouter.launcher.flags;

import java.time.Duration;
import java.util.List;

/**
 * The checks upstream's routing controller makes when it is created ({@code --run-router}), in its order and with
 * its messages, plus three of ours: {@code --overlay-type} must be {@code subnet} or {@code full}, peer ports must
 * be TCP ports, and {@code --overlay-encap=fou} (not implemented) is refused while the overlay is on, rather than
 * running ipip tunnels that fou nodes would not understand. Resolves the peer passwords on the way.
 */
final class RouterChecks {

    private static final long MIN_HOLDTIME_SECONDS = 3;
    /** 18h12m16s. */
    private static final long MAX_HOLDTIME_SECONDS = 65536;
    private static final int MIN_ENCAP_PORT = 1024;
    private static final int MAX_PORT = 65535;

    private RouterChecks() {
    }

    /**
     * @return the decoded peer passwords
     * @throws CommandLineException (start-up) at the first failed check
     */
    static List<String> check(Options options) {
        checkHoldTime(options.get(BgpFlags.BGP_HOLDTIME));
        checkClusterAsn(options.get(BgpFlags.CLUSTER_ASN));
        checkOverlay(options);
        List<String> passwords = PeerPasswords.resolve(options);
        checkPeers(options, passwords.size());
        BfdChecks.check(options);
        return passwords;
    }

    private static void checkHoldTime(Duration holdTime) {
        double seconds = holdTime.toNanos() / 1e9;
        if (seconds > MAX_HOLDTIME_SECONDS || seconds < MIN_HOLDTIME_SECONDS) {
            throw CommandLineException.startup("this is an incorrect BGP holdtime range, holdtime must be in the "
                    + "range 3s to 18h12m16s");
        }
    }

    private static void checkClusterAsn(long asn) {
        if (asn != 0 && !Asn.isPrivate(asn)) {
            throw CommandLineException.startup("invalid ASN number for cluster ASN");
        }
    }

    private static void checkOverlay(Options options) {
        String encap = options.get(RoutingFlags.OVERLAY_ENCAP);
        if (!encap.equals("ipip") && !encap.equals("fou")) {
            throw CommandLineException.startup(
                    "unknown --overlay-encap option '" + encap + "' selected, unable to continue");
        }
        if (encap.equals("fou") && options.get(RoutingFlags.ENABLE_OVERLAY)) {
            throw CommandLineException.startup("--overlay-encap=fou is not supported by kube-router-jvm: its tunnels "
                    + "are ipip only, which nodes using fou (GUE) cannot decapsulate; use --overlay-encap=ipip on "
                    + "every node, or --enable-overlay=false");
        }
        long port = options.get(RoutingFlags.OVERLAY_ENCAP_PORT);
        if (port < MIN_ENCAP_PORT) {
            throw CommandLineException.startup("unknown --overlay-encap-port option '" + port + "' selected, unable "
                    + "to continue, err: specified encap port is out of range of valid ports: " + port
                    + ", valid range is from " + MIN_ENCAP_PORT + " to " + MAX_PORT);
        }
        String type = options.get(RoutingFlags.OVERLAY_TYPE);
        if (!type.equals("subnet") && !type.equals("full")) {
            throw CommandLineException.startup(
                    "unknown --overlay-type option '" + type + "' selected, valid options are \"subnet\" and \"full\"");
        }
    }

    private static void checkPeers(Options options, int passwordCount) {
        int peers = options.get(BgpFlags.PEER_ROUTER_IPS).size();
        List<Long> asns = options.get(BgpFlags.PEER_ROUTER_ASNS);
        List<Long> ports = options.get(BgpFlags.PEER_ROUTER_PORTS);
        if (peers != asns.size()) {
            throw CommandLineException.startup(
                    "invalid peer router config, the number of IPs and ASN numbers must be equal");
        }
        if (passwordCount != 0 && passwordCount != peers) {
            throw CommandLineException.startup("invalid peer router config. The number of passwords should either "
                    + "be zero, or one per peer router. Use blank items if a router doesn't expect a password. "
                    + "Example: \"pass,,pass\" OR [\"pass\",\"\",\"pass\"]");
        }
        if (!ports.isEmpty() && ports.size() != peers) {
            throw CommandLineException.startup("invalid peer router config. The number of ports should either be "
                    + "zero, or one per peer router. If blank items are used, it will default to standard BGP port, "
                    + "179.");
        }
        checkPeerValues(asns, ports);
    }

    private static void checkPeerValues(List<Long> asns, List<Long> ports) {
        for (long port : ports) {
            if (Long.compareUnsigned(port, MAX_PORT) > 0) {
                throw CommandLineException.startup("invalid peer router config, port "
                        + Long.toUnsignedString(port) + " is out of range 0-65535");
            }
        }
        for (long asn : asns) {
            if (!Asn.isUsableForPeer(asn)) {
                throw CommandLineException.startup(
                        "reserved ASN number \"" + Long.toUnsignedString(asn) + "\" for global BGP peer");
            }
        }
    }
}
