package io.kuberouter.bgp.codec.spi;

/**
 * A syntactically incorrect NLRI or next hop field (RFC 7606 §5.3). The caller decides the
 * NOTIFICATION: Invalid Network Field for the UPDATE's own fields, Optional Attribute Error inside
 * MP_REACH_NLRI / MP_UNREACH_NLRI (RFC 4760 §7).
 */
public final class NlriException extends Exception {

    private static final long serialVersionUID = 1L;

    public NlriException(String message) {
        super(message);
    }
}
