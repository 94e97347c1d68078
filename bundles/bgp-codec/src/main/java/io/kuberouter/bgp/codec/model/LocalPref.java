package io.kuberouter.bgp.codec.model;

/**
 * LOCAL_PREF, type 5, well-known (RFC 4271 §5.1.5); unsigned 32 bits, exchanged with internal
 * peers only.
 */
public record LocalPref(long value) implements PathAttribute {

    public LocalPref {
        Unsigned.u32("LOCAL_PREF", value);
    }
}
