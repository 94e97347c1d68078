package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Pod IPs by family ({@code status.podIPs}: at most one per family). */
final class PodAddresses {

    private PodAddresses() {
    }

    /** Every IP of {@code family} of the pods. */
    static List<String> of(Collection<Pod> pods, IpFamily family) {
        List<String> out = new ArrayList<>();
        for (Pod p : pods) {
            p.podIPs().stream().filter(ip -> IpFamily.of(ip) == family).forEach(out::add);
        }
        return out;
    }

    /** The pod's IP of {@code family}, if it has one. */
    static Optional<String> first(Pod pod, IpFamily family) {
        return pod.podIPs().stream().filter(ip -> IpFamily.of(ip) == family).findFirst();
    }
}
