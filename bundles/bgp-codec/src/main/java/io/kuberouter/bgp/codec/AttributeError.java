package io.kuberouter.bgp.codec;

import java.util.Objects;

/**
 * One problem found in the path attributes of an UPDATE that did not reset the session; the
 * speaker logs it (RFC 7606 §2: errors handled by treat-as-withdraw or attribute discard SHOULD be
 * logged).
 *
 * @param typeCode the attribute concerned: the malformed, discarded or missing attribute
 * @param error the error a NOTIFICATION would have carried under RFC 4271
 * @param detail what was wrong, for the log
 */
public record AttributeError(int typeCode, BgpError error, String detail) {

    public AttributeError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
    }
}
