package io.kuberouter.kernel.api.ipvs;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/** One change in an {@link Ipvs#apply(java.util.List)} batch; each mirrors the single-call method. */
@ProviderType
public sealed interface IpvsOp {

    /** The service the operation acts on. */
    ServiceKey key();

    record AddService(VirtualService service) implements IpvsOp {
        public AddService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public ServiceKey key() {
            return service.key();
        }
    }

    record UpdateService(VirtualService service) implements IpvsOp {
        public UpdateService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public ServiceKey key() {
            return service.key();
        }
    }

    record DeleteService(ServiceKey key) implements IpvsOp {
        public DeleteService {
            Objects.requireNonNull(key, "key");
        }
    }

    record AddDestination(ServiceKey key, Destination destination) implements IpvsOp {
        public AddDestination {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(destination, "destination");
        }
    }

    record UpdateDestination(ServiceKey key, Destination destination) implements IpvsOp {
        public UpdateDestination {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** Deletes the destination with the address and port of {@code destination}. */
    record DeleteDestination(ServiceKey key, Destination destination) implements IpvsOp {
        public DeleteDestination {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(destination, "destination");
        }
    }
}
