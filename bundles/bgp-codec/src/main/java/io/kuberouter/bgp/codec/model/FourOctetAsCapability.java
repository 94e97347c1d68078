package io.kuberouter.bgp.codec.model;

/**
 * Support for 4-octet AS number capability, code 65 (RFC 6793 §3).
 *
 * @param asNumber the sender's AS, unsigned 32 bits
 */
public record FourOctetAsCapability(long asNumber) implements Capability {

    /**
     * AS_TRANS (RFC 6793 §9): stands for a 4-octet AS number in 2-octet fields (OPEN My AS,
     * AS_PATH and AGGREGATOR towards a 2-octet session).
     */
    public static final int AS_TRANS = 23456;

    public FourOctetAsCapability {
        Unsigned.u32("asNumber", asNumber);
    }
}
