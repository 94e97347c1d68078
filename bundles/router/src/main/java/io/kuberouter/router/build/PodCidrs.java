package io.kuberouter.router.build;

import io.kuberouter.api.cluster.Node;
import io.kuberouter.bgp.codec.model.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node's pod CIDRs as kube-router reads them ({@code pkg/utils/pod_cidr.go}, behaviour reference §5.1):
 * {@code kube-router.io/pod-cidr}, else {@code kube-router.io/pod-cidrs}, else {@code spec.podCIDRs} /
 * {@code spec.podCIDR}. Malformed entries are reported and skipped.
 */
public final class PodCidrs {

    public static final String POD_CIDR = "kube-router.io/pod-cidr";
    public static final String POD_CIDRS = "kube-router.io/pod-cidrs";

    private PodCidrs() {
    }

    public static List<IpPrefix> of(Node node, Consumer<String> problems) {
        List<String> texts;
        if (node.annotations().containsKey(POD_CIDR)) {
            texts = List.of(node.annotations().get(POD_CIDR));
        } else if (node.annotations().containsKey(POD_CIDRS)) {
            texts = NodeAnnotations.csv(node.annotations().get(POD_CIDRS));
        } else {
            texts = node.podCIDRs();
        }
        List<IpPrefix> cidrs = new ArrayList<>();
        for (String text : texts) {
            try {
                cidrs.add(IpPrefix.parse(text.trim()));
            } catch (IllegalArgumentException e) {
                problems.accept("node " + node.name() + ": pod CIDR '" + text + "' is not a CIDR");
            }
        }
        return List.copyOf(cidrs);
    }
}
