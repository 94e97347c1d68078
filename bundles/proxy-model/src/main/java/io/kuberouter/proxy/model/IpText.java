package io.kuberouter.proxy.model;

import io.kuberouter.kernel.api.IpPrefix;
import java.util.Optional;

/** Canonical address text, so that equal addresses compare equal however they were written. */
final class IpText {

    private IpText() {
    }

    /** The canonical form of an IP literal (IPv6 in RFC 5952 form), or empty when it is not one. */
    static Optional<String> canonical(String literal) {
        try {
            return Optional.of(IpPrefix.text(IpPrefix.address(literal.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
