package io.kuberouter.bgp.codec.model;

import java.util.Objects;

/**
 * Multiprotocol Extensions capability, code 1 (RFC 4760 §8): the sender can exchange NLRI of
 * {@code family}.
 */
public record MultiprotocolCapability(AddressFamily family) implements Capability {

    public MultiprotocolCapability {
        Objects.requireNonNull(family, "family");
    }
}
