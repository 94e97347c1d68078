package io.kuberouter.webconsole;

import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.api.firewall.PodFirewall;
import io.kuberouter.api.firewall.SelectingPolicy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Network policies page and {@code kr:policies}: the local pods the firewall last programmed, optionally
 * narrowed to a namespace or one pod.
 *
 * @param revision the cluster revision the firewall last programmed
 * @param filter a namespace, {@code namespace/pod}, or empty for all
 * @param pods the matching pods by namespace and name
 */
record PodRows(long revision, String filter, List<PodFirewall> pods) {

    static PodRows of(FirewallView view, String filter) {
        String f = filter == null ? "" : filter.strip();
        List<PodFirewall> pods = view.pods().values().stream().filter(p -> matches(p, f)).toList();
        return new PodRows(view.revision(), f, pods);
    }

    private static boolean matches(PodFirewall pod, String filter) {
        String name = pod.pod().namespace() + "/" + pod.pod().name();
        return filter.isEmpty() || filter.equals(pod.pod().namespace()) || filter.equals(name);
    }

    /** E.g. {@code lab/allow-a ingress, lab/deny-all egress}, or a note that none selects the pod. */
    static String policies(PodFirewall pod) {
        if (pod.policies().isEmpty()) {
            return "none selects it: all traffic allowed";
        }
        return pod.policies().stream().map(PodRows::policy).collect(Collectors.joining(", "));
    }

    static String policy(SelectingPolicy p) {
        return p.policy().namespace() + "/" + p.policy().name() + " " + p.direction();
    }
}
