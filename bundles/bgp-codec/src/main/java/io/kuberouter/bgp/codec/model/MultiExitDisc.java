package io.kuberouter.bgp.codec.model;

/** MULTI_EXIT_DISC, type 4, optional non-transitive (RFC 4271 §5.1.4); unsigned 32 bits. */
public record MultiExitDisc(long value) implements PathAttribute {

    public MultiExitDisc {
        Unsigned.u32("MULTI_EXIT_DISC", value);
    }
}
