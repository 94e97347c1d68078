package io.kuberouter.bgp.codec.model;

/** A path attribute of an UPDATE message (RFC 4271 §4.3, §5). */
public interface PathAttribute {
}
