package io.kuberouter.firewall.sync;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.ClusterObject;
import io.kuberouter.api.cluster.ContainerPort;
import io.kuberouter.api.cluster.Namespace;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.Pod;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What of a cluster object the firewall depends on, so the feed drops changes nothing depends on
 * (upstream's triggers, behaviour inventory §4.5: pod phase, IPs, host IP and labels; namespace labels; every
 * policy change). Services and EndpointSlices never matter; of the Nodes only this node's addresses, pod CIDRs and
 * annotations.
 */
final class Relevance {

    /** The parts of a pod the builder reads. */
    record PodView(Map<String, String> labels, String nodeName, boolean hostNetwork, boolean finished,
            List<String> podIPs, List<String> hostIPs, List<ContainerPort> containerPorts) {
    }

    /** The parts of this node the builder reads. */
    record NodeView(List<String> ips, List<String> podCIDRs, Map<String, String> annotations) {
    }

    private Relevance() {
    }

    /**
     * True when the change alters what the firewall reads: a relevant kind, and a different view before and
     * after (an addition or a deletion always is).
     */
    static boolean matters(ClusterChange change, String localNode) {
        boolean kind = switch (change.kind()) {
            case POD, NAMESPACE, NETWORK_POLICY -> true;
            case NODE -> change.key().name().equals(localNode);
            case SERVICE, ENDPOINT_SLICE -> false;
        };
        return kind && !Objects.equals(viewOrNull(change.previous()), viewOrNull(change.current()));
    }

    private static Object viewOrNull(ClusterObject object) {
        return object == null ? null : view(object);
    }

    /** The firewall's view of an object of a relevant kind. */
    static Object view(ClusterObject object) {
        if (object instanceof Pod p) {
            return new PodView(p.labels(), p.nodeName(), p.hostNetwork(), p.finished(), p.podIPs(), p.hostIPs(),
                    p.containerPorts());
        }
        if (object instanceof Node n) {
            return new NodeView(n.ips(), n.podCIDRs(), n.annotations());
        }
        if (object instanceof Namespace ns) {
            return ns.labels();
        }
        if (object instanceof NetworkPolicy np) {
            return np;
        }
        throw new IllegalArgumentException("not tracked by the firewall: " + object.kind());
    }
}
