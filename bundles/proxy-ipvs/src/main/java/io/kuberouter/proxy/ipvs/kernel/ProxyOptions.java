package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The flags that shape the proxy's kernel state beyond the virtual services (behaviour inventory §1.2).
 *
 * @param families enabled families: iptables rules and ipsets exist per family
 * @param masqueradeAll {@code --masquerade-all}
 * @param permitAll {@code --ipvs-permit-all}: the INPUT guard for service IPs
 * @param gracefulTermination {@code --ipvs-graceful-termination}
 * @param gracefulPeriod {@code --ipvs-graceful-period}: drain limit when the pod's grace period is unknown
 * @param ownership the IPVS virtual services the proxy owns (service ranges, NodePort range, {@code --excluded-cidrs})
 * @param timeouts {@code --service-tcp-timeout}, {@code --service-tcpfin-timeout}, {@code --service-udp-timeout}
 *     in seconds, 0 = keep the kernel's
 */
public record ProxyOptions(Set<IpFamily> families, boolean masqueradeAll, boolean permitAll,
        boolean gracefulTermination, Duration gracefulPeriod, IpvsOwnership ownership, IpvsTimeouts timeouts) {

    public ProxyOptions {
        families = Set.copyOf(families);
        Objects.requireNonNull(gracefulPeriod, "gracefulPeriod");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** kube-router's defaults for IPv4, owning every address-based virtual service. */
    public static ProxyOptions defaults() {
        return new ProxyOptions(Set.of(IpFamily.IPV4), false, true, false, Duration.ofSeconds(30),
                IpvsOwnership.everything(List.of()), new IpvsTimeouts(0, 0, 0));
    }

    /** These options with graceful termination switched. */
    public ProxyOptions withGracefulTermination(boolean on, Duration period) {
        return new ProxyOptions(families, masqueradeAll, permitAll, on, period, ownership, timeouts);
    }
}
