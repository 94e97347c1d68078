package io.kuberouter.dsr.model;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import java.util.Objects;
import java.util.Set;

/**
 * The tunnel end inside one local endpoint pod: an {@code ipip} link {@code kube-tunnel-if} (IPv6:
 * {@code ip6tnl} {@code kube-tunnel-v6}) with local address {@code podIp} that holds every DSR VIP the pod
 * serves, so the pod accepts the decapsulated packets and answers the client from the VIP directly.
 */
public record PodTunnel(ObjectKey pod, String podIp, Set<String> vips) {

    public static final String LINK_V4 = "kube-tunnel-if";
    public static final String LINK_V6 = "kube-tunnel-v6";

    public PodTunnel {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(podIp, "podIp");
        vips = Set.copyOf(vips);
    }

    public IpFamily family() {
        return IpFamily.of(podIp);
    }

    /** The link's name for this pod's family. */
    public String link() {
        return family() == IpFamily.IPV4 ? LINK_V4 : LINK_V6;
    }
}
