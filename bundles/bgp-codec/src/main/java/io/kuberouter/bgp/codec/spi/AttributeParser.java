package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.PathAttribute;

/**
 * Parses the value of one path attribute type. The UPDATE parser has checked the attribute's
 * Optional and Transitive bits against {@link #flags()} and handles duplicates (RFC 7606 §3).
 */
@ConsumerType
public interface AttributeParser {

    /**
     * The Optional and Transitive bits the attribute's definition requires, one of
     * {@link AttributeFlags#WELL_KNOWN}, {@link AttributeFlags#OPTIONAL_TRANSITIVE} and
     * {@link AttributeFlags#OPTIONAL_NON_TRANSITIVE}.
     */
    int flags();

    /** What RFC 7606 §7 (or the attribute's own RFC) prescribes when the attribute is malformed. */
    ErrorHandlingApproach malformedApproach();

    /**
     * Parses {@code value}, the octets after the attribute header. Reading past its end counts as
     * an Attribute Length Error.
     *
     * @throws AttributeException when the value is malformed or the attribute is not acceptable
     *     from this peer
     */
    PathAttribute parse(ByteBuf value, PeerConstraints peer) throws AttributeException;
}
