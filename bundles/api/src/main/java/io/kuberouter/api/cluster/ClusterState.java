package io.kuberouter.api.cluster;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent's view of the cluster, kept current from the API server. Registered as a service
 * only after the initial list of every watched kind has been received (cache sync), so a
 * component that references it always sees a complete state.
 */
@ProviderType
public interface ClusterState {

    /** A consistent copy of the current state. Cheap when nothing changed since the last call. */
    ClusterSnapshot snapshot();

    /** Name of the node this agent runs on. */
    String localNodeName();

    /**
     * Subscribes to changes made after this call. Close the returned handle to unsubscribe;
     * closing twice is harmless.
     */
    Subscription subscribe(ClusterListener listener);

    /** Handle of a subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
