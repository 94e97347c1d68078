package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.Capability;

/** Parses the value of one capability code (RFC 5492 §4). */
@ConsumerType
public interface CapabilityParser {

    /**
     * Parses {@code value}, the octets after code and length. Reading past its end counts as a
     * malformed capability.
     *
     * @throws MessageException when the value is malformed (an OPEN Message Error)
     */
    Capability parse(ByteBuf value) throws MessageException;
}
