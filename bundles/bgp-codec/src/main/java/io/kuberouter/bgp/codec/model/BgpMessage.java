package io.kuberouter.bgp.codec.model;

/**
 * A BGP-4 message without its 19-octet header (RFC 4271 §4.1): the codec derives marker, length
 * and type from the message class when encoding, and validates them once when decoding.
 */
public interface BgpMessage {
}
