package io.kuberouter.reconcile;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Allows pruning only when every registered initializer has completed, like the initializers of
 * cilium's route reconciler. Each owner of kernel state (a capability, or one of its controllers)
 * registers an initializer when it starts and completes it once it has synced its desired state at
 * least once. Until then a {@link Reconciler} sharing this gate does not prune, so an agent restart
 * or a capability hot-swap never deletes state whose owner has not yet declared it.
 *
 * <p>The gate is open when no initializer is pending, including when none was ever registered. A
 * registration after the gate opened closes it again until that initializer completes.
 *
 * <p>Threading: thread-safe; registration and completion happen from any thread.
 */
@ProviderType
public final class PruneGate {

    private final Set<Registration> pending = ConcurrentHashMap.newKeySet();

    /**
     * Registers an initializer; the gate stays closed until it {@link Initializer#complete()
     * completes}.
     *
     * @param name who initializes, for diagnostics, e.g. {@code proxy/services}
     */
    public Initializer register(String name) {
        Registration registration = new Registration(Objects.requireNonNull(name, "name"));
        pending.add(registration);
        return registration;
    }

    /** True if every registered initializer has completed. */
    public boolean isOpen() {
        return pending.isEmpty();
    }

    /** The names of the initializers not yet completed, for health reporting. */
    public Set<String> pendingNames() {
        return pending.stream().map(Registration::name).collect(Collectors.toUnmodifiableSet());
    }

    /** One owner's initialization, handed out by {@link PruneGate#register(String)}. */
    @ProviderType
    public interface Initializer {

        /** The name given at registration. */
        String name();

        /**
         * Declares the owner initialized: after its first successful sync, or when it stops
         * before that (it then no longer holds back the other owners). Completing twice is
         * harmless.
         */
        void complete();
    }

    private final class Registration implements Initializer {

        private final String name;

        Registration(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void complete() {
            pending.remove(this);
        }
    }
}
