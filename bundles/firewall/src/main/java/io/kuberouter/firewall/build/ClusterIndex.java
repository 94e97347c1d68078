package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.LabelSelector;
import io.kuberouter.api.cluster.Namespace;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pods and namespaces of one snapshot, indexed for policy evaluation. Only <em>actionable</em> pods are
 * visible, upstream's {@code isNetPolActionable}: not host-network, with an IP, not finished. Selector results are
 * memoised, so policies sharing selectors cost one evaluation. Not thread-safe; one per build.
 */
final class ClusterIndex {

    private static final Comparator<Pod> BY_KEY = Comparator.comparing(Pod::key);

    private final Map<String, List<Pod>> podsByNamespace = new TreeMap<>();
    private final Map<String, Map<String, String>> namespaceLabels = new TreeMap<>();
    private final List<Pod> localPods = new ArrayList<>();
    private final Node localNode;
    private final Map<LabelSelector, List<String>> namespaceMemo = new HashMap<>();
    private final Map<Selection, List<Pod>> podMemo = new HashMap<>();
    private final Map<PeerSelection, List<Pod>> peerMemo = new HashMap<>();

    private ClusterIndex(ClusterSnapshot snapshot) {
        localNode = snapshot.localNodeObject();
        Set<String> nodeIps = localNode == null ? Set.of() : new HashSet<>(localNode.ips());
        for (Pod pod : snapshot.pods().values()) {
            if (actionable(pod)) {
                podsByNamespace.computeIfAbsent(pod.key().namespace(), ns -> new ArrayList<>()).add(pod);
                if (isLocal(pod, snapshot.localNode(), nodeIps)) {
                    localPods.add(pod);
                }
            }
        }
        podsByNamespace.values().forEach(list -> list.sort(BY_KEY));
        localPods.sort(BY_KEY);
        for (Namespace ns : snapshot.namespaces().values()) {
            namespaceLabels.put(ns.key().name(), ns.labels());
        }
    }

    static ClusterIndex of(ClusterSnapshot snapshot) {
        return new ClusterIndex(snapshot);
    }

    /** Upstream's {@code isNetPolActionable}: host-network, IP-less and finished pods are not enforced. */
    static boolean actionable(Pod pod) {
        return !pod.hostNetwork() && !pod.podIPs().isEmpty() && !pod.finished();
    }

    /** Upstream compares the pod's host IP with the node's IPs; the node name covers a Node not yet known. */
    private static boolean isLocal(Pod pod, String nodeName, Set<String> nodeIps) {
        return pod.nodeName().equals(nodeName) || pod.hostIPs().stream().anyMatch(nodeIps::contains);
    }

    /** This node's actionable pods, by namespace and name. */
    List<Pod> localPods() {
        return localPods;
    }

    /** The Node object of this node, or {@code null}. */
    Node localNode() {
        return localNode;
    }

    /** Actionable pods of {@code namespace} matching {@code selector}. */
    List<Pod> select(String namespace, LabelSelector selector) {
        return podMemo.computeIfAbsent(new Selection(namespace, selector), s -> podsByNamespace
                .getOrDefault(namespace, List.of()).stream().filter(p -> selector.matches(p.labels())).toList());
    }

    /** Every actionable pod of {@code namespace}. */
    List<Pod> podsIn(String namespace) {
        return podsByNamespace.getOrDefault(namespace, List.of());
    }

    /**
     * The pods a peer selects, upstream's {@code evalPodPeer}: with a namespace selector, pods matching the pod
     * selector (all if absent) in every matching namespace; with only a pod selector, matching pods of the
     * policy's namespace; an ipBlock peer selects no pods. Memoised: equal peers get the same list.
     */
    List<Pod> peerPods(String policyNamespace, NetworkPolicy.Peer peer) {
        if (peer.namespaceSelector() != null) {
            return peerMemo.computeIfAbsent(new PeerSelection("", peer), p -> acrossNamespaces(peer));
        }
        return peer.podSelector() != null ? select(policyNamespace, peer.podSelector()) : List.of();
    }

    private List<Pod> acrossNamespaces(NetworkPolicy.Peer peer) {
        LabelSelector pods = peer.podSelector() != null ? peer.podSelector() : LabelSelector.ALL;
        List<Pod> out = new ArrayList<>();
        for (String ns : namespaces(peer.namespaceSelector())) {
            out.addAll(select(ns, pods));
        }
        return List.copyOf(out);
    }

    private List<String> namespaces(LabelSelector selector) {
        return namespaceMemo.computeIfAbsent(selector, s -> namespaceLabels.entrySet().stream()
                .filter(e -> s.matches(e.getValue())).map(Map.Entry::getKey).toList());
    }

    private record Selection(String namespace, LabelSelector selector) {
    }

    private record PeerSelection(String namespace, NetworkPolicy.Peer peer) {
    }
}
