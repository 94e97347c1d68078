package io.kuberouter.bgp.speaker;

import org.osgi.annotation.versioning.ProviderType;

/** A listener registration; closing it stops the calls. */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** Unsubscribes; idempotent. */
    @Override
    void close();
}
