package io.kuberouter.bgp.codec.model;

import java.util.List;
import java.util.Objects;

/**
 * MP_UNREACH_NLRI, type 15, optional non-transitive (RFC 4760 §4): withdrawn prefixes of a family;
 * with no prefixes it is that family's End-of-RIB marker (RFC 4724 §2).
 */
public record MpUnreachNlri(AddressFamily family, List<IpPrefix> prefixes) implements PathAttribute {

    public MpUnreachNlri {
        Objects.requireNonNull(family, "family");
        prefixes = List.copyOf(prefixes);
    }
}
