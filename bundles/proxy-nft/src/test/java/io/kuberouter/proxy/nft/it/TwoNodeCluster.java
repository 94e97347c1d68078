package io.kuberouter.proxy.nft.it;

import io.kuberouter.api.cluster.ClusterObject;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.proxy.fixture.FakeClusterState;

/** The same API objects seen by both nodes' agents (each knows its own node name). */
final class TwoNodeCluster {

    final FakeClusterState n1 = new FakeClusterState("n1");
    final FakeClusterState n2 = new FakeClusterState("n2");

    void put(ClusterObject... objects) {
        n1.put(objects);
        n2.put(objects);
    }

    void remove(ResourceKind kind, ObjectKey key) {
        n1.remove(kind, key);
        n2.remove(kind, key);
    }
}
