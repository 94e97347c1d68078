package io.kuberouter.bgp.codec;

import org.osgi.annotation.versioning.ProviderType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.BgpMessage;

/**
 * Decodes and encodes whole BGP messages, header included (RFC 4271 §4.1). Thread-safe and
 * stateless: everything peer-specific comes in as {@link PeerConstraints}.
 */
@ProviderType
public interface BgpCodec {

    /**
     * Decodes the message at the reader index of {@code in}. The buffer should hold at least one
     * complete message, as a length-field frame decoder delivers it. On return the reader index
     * is past the message, or past all readable bytes when the header was unusable.
     *
     * <p>Never throws for malformed input and never retains or releases {@code in}; the caller
     * keeps ownership of the buffer.
     *
     * @return the message, or what RFC 4271 §6 / RFC 7606 prescribe for its errors
     */
    DecodeResult decode(ByteBuf in, PeerConstraints peer);

    /**
     * Appends {@code message} with its header to {@code out}. On failure nothing is appended.
     *
     * @throws IllegalArgumentException if no serializer is registered for the message or one of
     *     its parts, or the message exceeds the length {@code peer} accepts
     */
    void encode(BgpMessage message, PeerConstraints peer, ByteBuf out);
}
