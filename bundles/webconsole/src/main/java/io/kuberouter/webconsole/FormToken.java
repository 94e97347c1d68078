package io.kuberouter.webconsole;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret every start/stop form carries, so a page on another site cannot make an operator's
 * browser (which sends the console's Basic credentials by itself) post a start or stop: only a
 * page read from the console, which other sites cannot read, knows it. One token per page
 * instance; it changes whenever the console bundle restarts.
 */
final class FormToken {

    private final String value;

    FormToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String value() {
        return value;
    }

    /** Constant-time comparison; {@code null} never matches. */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
