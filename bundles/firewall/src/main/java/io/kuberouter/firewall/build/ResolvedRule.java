package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.Protocol;
import java.util.List;
import java.util.Map;

/**
 * One ingress or egress rule evaluated against the cluster, upstream's {@code ingressRule} / {@code egressRule}.
 * {@code allPeers} and {@code allPorts} come from the spec alone (empty {@code from}/{@code to}, empty
 * {@code ports}), so input that was skipped never turns a restricted rule into an open one.
 *
 * @param index the rule's position in the policy (names its ipsets)
 * @param allPeers the rule has no peers: every source (ingress) or destination (egress)
 * @param peerPods actionable pods its pod/namespace selector peers select, without duplicates
 * @param ipBlocks ipset entries of its ipBlock peers per family ({@code CIDR} or {@code CIDR nomatch})
 * @param allPorts the rule has no ports: every port of every protocol
 * @param ports numeric and protocol-only port matches
 * @param namedPorts named ports, resolved per pod
 */
record ResolvedRule(int index, boolean allPeers, List<Pod> peerPods, Map<IpFamily, List<String>> ipBlocks,
        boolean allPorts, List<PortMatch> ports, List<NamedPortMatch> namedPorts) {

    ResolvedRule {
        peerPods = List.copyOf(peerPods);
        ipBlocks = Map.copyOf(ipBlocks);
        ports = List.copyOf(ports);
        namedPorts = List.copyOf(namedPorts);
    }

    /** The ipBlock entries of one family. */
    List<String> ipBlocks(IpFamily family) {
        return ipBlocks.getOrDefault(family, List.of());
    }

    /**
     * {@code -p PROTOCOL [--dport DPORT]}.
     *
     * @param dport a port, {@code first:last}, or empty for every port of the protocol
     */
    record PortMatch(Protocol protocol, String dport) {
    }

    /** A named port resolved to one number, with the pods that declare it with that number. */
    record NamedPortMatch(Protocol protocol, int port, List<Pod> pods) {
        NamedPortMatch {
            pods = List.copyOf(pods);
        }
    }
}
