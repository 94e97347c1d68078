package io.kuberouter.bgp.codec.model;

import java.net.Inet4Address;
import java.util.List;

/**
 * CLUSTER_LIST, type 10, optional non-transitive (RFC 4456 §8): the CLUSTER_IDs the route was
 * reflected through, most recent first; at least one.
 */
public record ClusterList(List<Inet4Address> clusterIds) implements PathAttribute {

    public ClusterList {
        clusterIds = List.copyOf(clusterIds);
        if (clusterIds.isEmpty()) {
            throw new IllegalArgumentException("CLUSTER_LIST must not be empty (RFC 7606 §7.10)");
        }
    }
}
