package io.kuberouter.api.cluster;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives cluster changes. Implemented by controllers' change trackers.
 *
 * <p>Called on the cluster state's event thread, in order, once per change that altered a view;
 * implementations must return quickly (record the change and request a sync) and must not block.
 */
@ConsumerType
@FunctionalInterface
public interface ClusterListener {

    void changed(ClusterChange change);
}
