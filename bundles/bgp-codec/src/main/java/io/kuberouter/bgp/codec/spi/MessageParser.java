package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;

/** Parses the body of one message type; the header has been validated already. */
@ConsumerType
public interface MessageParser {

    /**
     * Parses {@code body}, which holds exactly the octets after the 19-octet header. Reading past
     * its end is reported as a Bad Message Length by the codec.
     *
     * @return the decoded message or the RFC 7606 outcome of its errors
     * @throws MessageException when the session must be reset
     */
    DecodeResult parse(ByteBuf body, PeerConstraints peer) throws MessageException;
}
