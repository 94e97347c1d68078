package io.kuberouter.bgp.codec.model;

/** ATOMIC_AGGREGATE, type 6, well-known discretionary (RFC 4271 §5.1.6); no value. */
public record AtomicAggregate() implements PathAttribute {
}
