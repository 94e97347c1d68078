package io.kuberouter.bgp.codec.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.kuberouter.bgp.codec.model.AddressFamily;

/** Lookup side of the NLRI handlers. */
@ProviderType
public interface NlriRegistry {

    /** The parser of {@code family}, if registered. */
    Optional<NlriParser> parser(AddressFamily family);

    /** The serializer of {@code family}, if registered. */
    Optional<NlriSerializer> serializer(AddressFamily family);
}
