package io.kuberouter.bgp.codec.model;

import java.util.List;
import java.util.Optional;

/**
 * UPDATE (RFC 4271 §4.3). The Withdrawn Routes and NLRI fields carry IPv4 unicast prefixes; other
 * families travel in {@link MpReachNlri} / {@link MpUnreachNlri} attributes (RFC 4760).
 *
 * @param withdrawnRoutes IPv4 prefixes withdrawn
 * @param attributes path attributes in wire order
 * @param nlri IPv4 prefixes advertised with {@code attributes}
 */
public record UpdateMessage(List<IpPrefix> withdrawnRoutes, List<PathAttribute> attributes, List<IpPrefix> nlri)
        implements BgpMessage {

    public UpdateMessage {
        withdrawnRoutes = ipv4Only("withdrawnRoutes", withdrawnRoutes);
        attributes = List.copyOf(attributes);
        nlri = ipv4Only("nlri", nlri);
    }

    /** The End-of-RIB marker of {@code family} (RFC 4724 §2). */
    public static UpdateMessage endOfRib(AddressFamily family) {
        List<PathAttribute> attributes = family.equals(AddressFamily.IPV4_UNICAST)
                ? List.of() : List.of(new MpUnreachNlri(family, List.of()));
        return new UpdateMessage(List.of(), attributes, List.of());
    }

    /** The first attribute of the given type. */
    public <T extends PathAttribute> Optional<T> attribute(Class<T> type) {
        return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The family whose End-of-RIB this message is (RFC 4724 §2), empty for other messages. */
    public Optional<AddressFamily> endOfRibFamily() {
        if (!withdrawnRoutes.isEmpty() || !nlri.isEmpty() || attributes.size() > 1) {
            return Optional.empty();
        }
        if (attributes.isEmpty()) {
            return Optional.of(AddressFamily.IPV4_UNICAST);
        }
        return attribute(MpUnreachNlri.class).filter(unreach -> unreach.prefixes().isEmpty())
                .map(MpUnreachNlri::family);
    }

    private static List<IpPrefix> ipv4Only(String field, List<IpPrefix> prefixes) {
        if (!prefixes.stream().allMatch(IpPrefix::isIpv4)) {
            throw new IllegalArgumentException(field + " of UPDATE must be IPv4 prefixes: " + prefixes);
        }
        return List.copyOf(prefixes);
    }
}
