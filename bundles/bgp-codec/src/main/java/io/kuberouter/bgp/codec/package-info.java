/**
 * BGP-4 codec API: {@link io.kuberouter.bgp.codec.BgpCodec} turns one framed message into a
 * {@link io.kuberouter.bgp.codec.DecodeResult} and a model message back into octets, under the
 * {@link io.kuberouter.bgp.codec.PeerConstraints} negotiated with one peer.
 *
 * <p>Errors are data. Decoding never throws for malformed input: the result says what RFC 4271
 * §6 and RFC 7606 ask the speaker to do – use the message, use it without some attributes
 * ("attribute discard"), withdraw its routes ("treat-as-withdraw"), or send a NOTIFICATION and
 * reset the session. {@link io.kuberouter.bgp.codec.BgpError} names the NOTIFICATION (code,
 * subcode) pairs.
 *
 * <p>{@link io.kuberouter.bgp.codec.BgpCodecs} builds a codec with the built-in extensions; more
 * message types, attributes, capabilities and address families plug in through
 * {@link io.kuberouter.bgp.codec.spi}. The codec only touches Netty {@code ByteBuf}s handed to it
 * and performs no I/O.
 */
@Version("1.0.0")
package io.kuberouter.bgp.codec;

import org.osgi.annotation.versioning.Version;
