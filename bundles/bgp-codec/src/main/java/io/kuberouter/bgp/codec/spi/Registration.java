package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ProviderType;

/** A handler registration; closing it removes the handler. Closing twice is harmless. */
@ProviderType
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
