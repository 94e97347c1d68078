package io.kuberouter.api.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Node, with kube-router's rules for picking its addresses ({@code pkg/utils/node.go}).
 *
 * @param podCIDRs {@code spec.podCIDRs} (falling back to {@code spec.podCIDR})
 */
public record Node(
        ObjectKey key,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<String> podCIDRs,
        List<NodeAddress> addresses) implements ClusterObject {

    public Node {
        Objects.requireNonNull(key, "key");
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        podCIDRs = List.copyOf(podCIDRs);
        addresses = List.copyOf(addresses);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.NODE;
    }

    public String name() {
        return key.name();
    }

    /** Node IPs in kube-router's order: every InternalIP, then every ExternalIP. */
    public List<String> ips() {
        return Stream.concat(ofType(NodeAddress.INTERNAL_IP), ofType(NodeAddress.EXTERNAL_IP)).toList();
    }

    /** The primary IP: the first InternalIP, else the first ExternalIP. */
    public Optional<String> primaryIp() {
        return ips().stream().findFirst();
    }

    /**
     * The best address of a family: the primary IP if it is of that family, else the first
     * InternalIP of the family, else the first ExternalIP of the family.
     */
    public Optional<String> bestIp(IpFamily family) {
        return ips().stream().filter(ip -> IpFamily.of(ip) == family).findFirst();
    }

    /** A family is usable on this node iff it has an InternalIP or ExternalIP in it. */
    public boolean supports(IpFamily family) {
        return bestIp(family).isPresent();
    }

    private Stream<String> ofType(String type) {
        return addresses.stream().filter(a -> a.type().equals(type)).map(NodeAddress::address);
    }
}
