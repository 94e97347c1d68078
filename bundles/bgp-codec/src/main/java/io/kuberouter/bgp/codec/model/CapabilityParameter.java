package io.kuberouter.bgp.codec.model;

import java.util.List;

/**
 * One OPEN Optional Parameter of type 2, "Capabilities" (RFC 5492 §4). Type 2 is the only
 * Optional Parameter in use; the others are deprecated and rejected by the decoder.
 *
 * @param capabilities the capabilities in this parameter, in wire order
 */
public record CapabilityParameter(List<Capability> capabilities) {

    public CapabilityParameter {
        capabilities = List.copyOf(capabilities);
    }
}
