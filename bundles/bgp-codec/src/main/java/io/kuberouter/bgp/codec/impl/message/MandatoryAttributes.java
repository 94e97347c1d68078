package io.kuberouter.bgp.codec.impl.message;

import java.util.List;

import io.kuberouter.bgp.codec.AttributeError;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.impl.attribute.AsPathHandler;
import io.kuberouter.bgp.codec.impl.attribute.NextHopHandler;
import io.kuberouter.bgp.codec.impl.attribute.OriginHandler;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * The well-known mandatory attributes (RFC 4271 §5): ORIGIN and AS_PATH whenever the UPDATE
 * advertises routes, NEXT_HOP only for the IPv4 NLRI field (RFC 4760 §3). A missing one is
 * treat-as-withdraw (RFC 7606 §3 d); one already reported as malformed is not reported again.
 */
final class MandatoryAttributes {

    private MandatoryAttributes() {
    }

    static void check(List<PathAttribute> attributes, List<IpPrefix> nlri, UpdateErrors errors) {
        boolean mpReach = attributes.stream()
                .anyMatch(attribute -> attribute instanceof MpReachNlri reach && !reach.prefixes().isEmpty());
        if (nlri.isEmpty() && !mpReach) {
            return;
        }
        require(attributes, Origin.class, OriginHandler.TYPE, errors);
        require(attributes, AsPath.class, AsPathHandler.TYPE, errors);
        if (!nlri.isEmpty()) {
            require(attributes, NextHop.class, NextHopHandler.TYPE, errors);
        }
    }

    private static void require(List<PathAttribute> attributes, Class<? extends PathAttribute> type, int typeCode,
            UpdateErrors errors) {
        if (attributes.stream().noneMatch(type::isInstance) && !errors.mentions(typeCode)) {
            errors.add(ErrorHandlingApproach.TREAT_AS_WITHDRAW, new AttributeError(typeCode,
                    BgpError.MISSING_WELL_KNOWN_ATTRIBUTE, "missing well-known attribute " + typeCode));
        }
    }
}
