package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Objects;

/**
 * A part of a Service the proxy could not honour and skipped; the rest of the Service, and every other
 * Service, is programmed as usual.
 *
 * @param service the Service
 * @param reason a stable, low-cardinality reason (metric label), e.g. {@code unknown-scheduler},
 *     {@code malformed-annotation}, {@code external-ip-not-allowed}
 * @param detail what exactly was skipped, for the log line
 */
public record Problem(ObjectKey service, String reason, String detail) {

    public Problem {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "service " + service + ": " + detail + " (" + reason + ")";
    }
}
