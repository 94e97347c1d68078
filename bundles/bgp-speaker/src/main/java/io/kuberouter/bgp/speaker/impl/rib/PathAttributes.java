package io.kuberouter.bgp.speaker.impl.rib;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * One interned set of path attributes, shared by reference by every path that carries it. Holds
 * the attributes in their wire form (4-octet AS numbers, without NEXT_HOP, MP_REACH_NLRI and
 * MP_UNREACH_NLRI), the next hop as 4, 16 or 32 octets (IPv6 global and link-local, RFC 2545 §3),
 * and the fields best-path selection reads, decoded once. Equal wire form and next hop mean the
 * same set. Reference counts are kept by {@link AttributeInterner}.
 */
public final class PathAttributes {

    /** {@link #wellKnownCommunities()} bit: NO_EXPORT (RFC 1997). */
    public static final int NO_EXPORT = 1;
    /** {@link #wellKnownCommunities()} bit: NO_ADVERTISE (RFC 1997). */
    public static final int NO_ADVERTISE = 2;
    /** {@link #wellKnownCommunities()} bit: NO_EXPORT_SUBCONFED (RFC 1997). */
    public static final int NO_EXPORT_SUBCONFED = 4;

    /** Value of absent numeric attributes. */
    public static final long ABSENT = -1;

    private final byte[] wire;
    private final byte[] nextHop;
    private final int hash;
    private final SelectionFields fields;
    int references;

    private PathAttributes(byte[] wire, byte[] nextHop, SelectionFields fields) {
        this.wire = wire;
        this.nextHop = nextHop;
        this.hash = 31 * Arrays.hashCode(wire) + Arrays.hashCode(nextHop);
        this.fields = fields;
    }

    /** A lookup key: equal to the interned set with the same wire form and next hop. */
    static PathAttributes probe(byte[] wire, byte[] nextHop) {
        return new PathAttributes(wire, nextHop, null);
    }

    /** The interned set of a probe that had no match. */
    static PathAttributes of(PathAttributes probe, SelectionFields fields) {
        return new PathAttributes(probe.wire, probe.nextHop, fields);
    }

    byte[] wire() {
        return wire;
    }

    /** The next hop octets: 4 (IPv4), 16 or 32 (IPv6 global, then link-local). */
    public byte[] nextHop() {
        return nextHop.clone();
    }

    /** The (global) next hop. */
    public InetAddress nextHopAddress() {
        return NextHops.address(nextHop);
    }

    /** ORIGIN code: 0 IGP, 1 EGP, 2 INCOMPLETE (RFC 4271 §5.1.1). */
    public int origin() {
        return fields.origin();
    }

    /** AS path length as RFC 4271 §9.1.2.2 a counts it. */
    public int asPathLength() {
        return fields.asPathLength();
    }

    /** The AS the route was received from (leftmost AS of the path), 0 for an empty path. */
    public long neighborAs() {
        return fields.neighborAs();
    }

    /** MULTI_EXIT_DISC, or {@link #ABSENT}. */
    public long med() {
        return fields.med();
    }

    /** LOCAL_PREF, or {@link #ABSENT}. */
    public long localPref() {
        return fields.localPref();
    }

    /** ORIGINATOR_ID as an unsigned 32-bit number, or {@link #ABSENT}. */
    public long originatorId() {
        return fields.originatorId();
    }

    /** Number of CLUSTER_IDs in CLUSTER_LIST. */
    public int clusterListLength() {
        return fields.clusterListLength();
    }

    /** The well-known communities present, as {@link #NO_EXPORT} etc. bits. */
    public int wellKnownCommunities() {
        return fields.wellKnownCommunities();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathAttributes that && hash == that.hash && Arrays.equals(wire, that.wire)
                && Arrays.equals(nextHop, that.nextHop);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "PathAttributes[" + wire.length + " octets, next hop " + nextHopAddress().getHostAddress() + "]";
    }
}
