package io.kuberouter.bgp.codec.model;

/**
 * BGP Extended Message capability, code 6 (RFC 8654 §3): the sender accepts messages up to 65535
 * octets, except OPEN and KEEPALIVE which stay within 4096.
 */
public record ExtendedMessageCapability() implements Capability {
}
