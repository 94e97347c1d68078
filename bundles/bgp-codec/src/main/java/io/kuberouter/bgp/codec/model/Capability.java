package io.kuberouter.bgp.codec.model;

/** A capability advertised in an OPEN Capabilities parameter (RFC 5492 §4). */
public interface Capability {
}
