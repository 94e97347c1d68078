package io.kuberouter.bgp.speaker.impl.rib;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.LocalPref;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.OriginType;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;

/** An IPv4 RIB with the local source 0 (router id 10.0.0.1) and peers added by the test. */
final class RibFixture {

    final AttributeInterner interner = new AttributeInterner(new AttributeCodec(BgpCodecs.standardRegistry().attributes()));
    final PathSources sources = new PathSources(new PathSource(PathSource.LOCAL_INDEX, address("10.0.0.1"), false,
            false, NextHops.unsigned(address("10.0.0.1")), address("10.0.0.1")));
    final FamilyRib rib = new FamilyRib(AddressFamily.IPV4_UNICAST, sources, interner);

    /** Adds a peer source; returns its index. */
    int peer(String address, boolean external, String routerId) {
        int index = sources.reserve();
        sources.put(new PathSource(index, address(address), external, false, NextHops.unsigned(address(routerId)),
                address("10.0.0.1")));
        return index;
    }

    /** Installs a path of {@code source} with {@code attributes} as received and effective. */
    void announce(int source, String prefix, Attributes attributes) {
        PathAttributes interned = attributes.intern(interner);
        rib.update(source, IpPrefix.parse(prefix), interned, interned);
        interner.release(interned);
    }

    /** The source index of the best path of {@code prefix}, or -1. */
    int bestSource(String prefix) {
        int id = rib.prefixes().find(IpPrefix.parse(prefix));
        int row = id < 0 ? PathTable.NONE : rib.paths().best(id);
        return row == PathTable.NONE ? -1 : rib.paths().source(row);
    }

    static Attributes attributes() {
        return new Attributes();
    }

    static Inet4Address address(String literal) {
        return (Inet4Address) IpPrefix.parse(literal + "/32").address();
    }

    /** Builds an attribute list: ORIGIN IGP, an AS path, next hop 192.0.2.1 unless set. */
    static final class Attributes {
        private final List<PathAttribute> list = new ArrayList<>();
        private OriginType origin = OriginType.IGP;
        private List<Long> path = List.of();
        private byte[] nextHop = {(byte) 192, 0, 2, 1};

        Attributes path(Long... asNumbers) {
            path = List.of(asNumbers);
            return this;
        }

        Attributes origin(OriginType type) {
            origin = type;
            return this;
        }

        Attributes med(long value) {
            list.add(new MultiExitDisc(value));
            return this;
        }

        Attributes localPref(long value) {
            list.add(new LocalPref(value));
            return this;
        }

        Attributes originator(String id) {
            list.add(new OriginatorId(address(id)));
            return this;
        }

        Attributes clusterList(String... ids) {
            list.add(new ClusterList(List.of(ids).stream().map(RibFixture::address).toList()));
            return this;
        }

        Attributes nextHop(String address) {
            nextHop = address(address).getAddress();
            return this;
        }

        PathAttributes intern(AttributeInterner interner) {
            List<PathAttribute> all = new ArrayList<>(List.of(new Origin(origin),
                    new AsPath(path.isEmpty() ? List.of() : List.of(AsPathSegment.sequence(path.toArray(Long[]::new))))));
            all.addAll(list);
            return interner.intern(all, nextHop);
        }
    }

}
