package io.kuberouter.api.proxy;

import java.util.Objects;

/**
 * How packets of a virtual server reach its backends and how the frontend is matched. The proxy's own
 * choice is {@link #NAT}; a {@link ServiceProxyExtension} may claim another one (DSR claims
 * {@link Forwarding#TUNNEL} with a firewall mark and an unbound address, as kube-router's
 * {@code kube-router.io/service.dsr: tunnel} does).
 *
 * @param forwarding how packets are forwarded to backends
 * @param fwmark when not 0 the frontend is matched by this firewall mark instead of address and port
 *     (the extension that claims it also sets the mark on the frontend's packets)
 * @param bindsAddress true when the frontend address is assigned to the node (kube-dummy-if); false for
 *     a VIP-less director
 * @param claimedBy the name of the extension that claimed this delivery, empty for {@link #NAT}
 */
public record Delivery(Forwarding forwarding, long fwmark, boolean bindsAddress, String claimedBy) {

    /** The proxy's default: destination NAT, matched by address and port, address bound to the node. */
    public static final Delivery NAT = new Delivery(Forwarding.NAT, 0, true, "");

    /** How packets reach a backend. */
    public enum Forwarding {
        /** Destination NAT (IPVS masquerading); replies return through this node. */
        NAT,
        /** IP-in-IP encapsulation to the backend, which answers the client directly (DSR). */
        TUNNEL
    }

    public Delivery {
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(claimedBy, "claimedBy");
        if (fwmark < 0 || fwmark > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("fwmark out of 0..2^32-1: " + fwmark);
        }
    }
}
