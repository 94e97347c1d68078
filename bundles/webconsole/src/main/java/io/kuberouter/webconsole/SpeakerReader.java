package io.kuberouter.webconsole;

import java.time.Instant;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Gets the referenced BGP speaker for one read and releases it again. */
final class SpeakerReader {

    private SpeakerReader() {
    }

    /** @return the speaker's rows, or {@code null} when no speaker is registered (or it just went away) */
    static BgpRows read(BundleContext context, ServiceReference<?> reference, String query, Instant now) {
        if (reference == null) {
            return null;
        }
        Object speaker = context.getService(reference);
        if (speaker == null) {
            return null;
        }
        try {
            return BgpRows.of(speaker, query, now);
        } finally {
            context.ungetService(reference);
        }
    }
}
