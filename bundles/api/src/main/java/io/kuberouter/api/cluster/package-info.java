/**
 * Immutable views of the cluster objects the agent consumes (only the fields it needs), and the
 * {@link io.kuberouter.api.cluster.ClusterState} service that keeps them current.
 *
 * <p>Every view is a record: values are copied out of the API objects once, collections are
 * unmodifiable, and two views are equal iff every field the agent uses is equal, so a change
 * tracker can drop updates that do not matter to any controller.
 */
@Version("1.0.0")
package io.kuberouter.api.cluster;

import org.osgi.annotation.versioning.Version;
