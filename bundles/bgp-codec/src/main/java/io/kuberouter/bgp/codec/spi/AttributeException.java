package io.kuberouter.bgp.codec.spi;

import java.util.Objects;
import java.util.Optional;

import io.kuberouter.bgp.codec.BgpError;

/**
 * A path attribute that cannot be used as received. By default the parser's
 * {@link AttributeParser#malformedApproach()} applies; {@link #discard} overrides it for
 * attributes that are well-formed but not acceptable from the peer (e.g. LOCAL_PREF from an
 * external peer, RFC 7606 §7.5).
 */
public final class AttributeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final BgpError error;
    private final ErrorHandlingApproach approach;

    private AttributeException(BgpError error, ErrorHandlingApproach approach, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.approach = approach;
    }

    /** A malformed attribute, handled with the parser's approach. */
    public static AttributeException malformed(BgpError error, String message) {
        return new AttributeException(error, null, message);
    }

    /** An attribute to drop whatever the parser's approach ("attribute discard", RFC 7606 §2). */
    public static AttributeException discard(BgpError error, String message) {
        return new AttributeException(error, ErrorHandlingApproach.ATTRIBUTE_DISCARD, message);
    }

    /** The error a NOTIFICATION would report; its data is the attribute. */
    public BgpError error() {
        return error;
    }

    /** The approach chosen by the parser instead of its default, if any. */
    public Optional<ErrorHandlingApproach> approach() {
        return Optional.ofNullable(approach);
    }
}
