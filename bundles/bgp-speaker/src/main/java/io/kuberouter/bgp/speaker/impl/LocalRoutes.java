package io.kuberouter.bgp.speaker.impl;

import java.util.ArrayList;
import java.util.List;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.rib.Ribs;

/** The speaker's own routes, paths of source 0 in the RIBs: ORIGIN IGP, empty AS_PATH (RFC 4271 §5.1). */
final class LocalRoutes {

    private final Ribs ribs;

    LocalRoutes(Ribs ribs) {
        this.ribs = ribs;
    }

    void originate(LocalRoute route) {
        List<PathAttribute> attributes = new ArrayList<>(List.of(Origin.IGP, AsPath.EMPTY));
        if (!route.communities().isEmpty()) {
            attributes.add(new Communities(route.communities()));
        }
        AttributeInterner interner = ribs.interner();
        PathAttributes interned = interner.intern(attributes, route.nextHop().getAddress());
        rib(route.prefix()).update(PathSource.LOCAL_INDEX, route.prefix(), interned, interned);
        interner.release(interned);
    }

    void withdraw(IpPrefix prefix) {
        rib(prefix).withdraw(PathSource.LOCAL_INDEX, prefix);
    }

    private FamilyRib rib(IpPrefix prefix) {
        return ribs.get(prefix.isIpv4() ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST);
    }
}
