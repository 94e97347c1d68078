package io.kuberouter.bgp.codec.spi;

/**
 * The error handling approaches of RFC 7606 §2, weakest first; when several errors are found in
 * one UPDATE, the strongest applies (RFC 7606 §3 i).
 */
public enum ErrorHandlingApproach {
    /** Drop the attribute and process the UPDATE without it. */
    ATTRIBUTE_DISCARD,
    /** Treat every route of the UPDATE as withdrawn. */
    TREAT_AS_WITHDRAW,
    /** Send a NOTIFICATION and reset the session. */
    SESSION_RESET
}
