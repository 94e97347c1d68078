package io.kuberouter.bgp.codec.model;

/** KEEPALIVE (RFC 4271 §4.4): a header without a body. */
public record KeepaliveMessage() implements BgpMessage {
}
