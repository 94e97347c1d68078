package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.kernel.api.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kube-router's service-IP validator ({@code pkg/svcip/validator.go}) for external and LoadBalancer IPs, plus
 * the literal and family checks the proxy needs: an IP that is not a literal or whose family is not enabled
 * is skipped too. Every skipped IP becomes a {@link Problem}; the accepted ones come back canonical.
 */
final class ServiceIpFilter {

    /** {@code spec.externalIPs} or LoadBalancer ingress IPs: which flag names their range. */
    enum Source {
        EXTERNAL("external IP", "--service-external-ip-range", "external-ip-not-allowed"),
        LOAD_BALANCER("LoadBalancer IP", "--loadbalancer-ip-range", "loadbalancer-ip-not-allowed");

        final String noun;
        final String flag;
        final String reason;

        Source(String noun, String flag, String reason) {
            this.noun = noun;
            this.flag = flag;
            this.reason = reason;
        }
    }

    private final Settings settings;

    ServiceIpFilter(Settings settings) {
        this.settings = settings;
    }

    /** The accepted IPs of {@code ips}, canonical, in order; a problem for each refused one. */
    List<String> accept(Service service, List<String> ips, Source source, List<Problem> problems) {
        List<String> accepted = new ArrayList<>();
        for (String ip : ips) {
            Optional<String> canonical = IpText.canonical(ip);
            String refusal = canonical.isEmpty() ? "is not an IP address" : refusal(canonical.get(), source);
            if (refusal == null) {
                accepted.add(canonical.get());
            } else {
                String reason = canonical.isEmpty() ? "malformed-ip" : source.reason;
                problems.add(new Problem(service.key(), reason, "skipping " + source.noun + " " + ip + ": " + refusal));
            }
        }
        return accepted;
    }

    private String refusal(String ip, Source source) {
        if (!settings.enabled(IpFamily.of(ip))) {
            return "its family is not enabled";
        }
        if (!settings.strictExternalIpValidation()) {
            return null;
        }
        List<IpPrefix> ranges = source == Source.EXTERNAL ? settings.externalIpRanges()
                : settings.loadBalancerIpRanges();
        if (ranges.isEmpty()) {
            return "no " + source.flag + " is configured (strict mode default-deny)";
        }
        if (inside(ip, settings.clusterIpRanges())) {
            return "conflicts with the cluster IP range";
        }
        return inside(ip, ranges) ? null : "not within any configured " + source.flag;
    }

    private static boolean inside(String ip, List<IpPrefix> ranges) {
        var address = IpPrefix.address(ip);
        return ranges.stream().anyMatch(r -> r.contains(address));
    }
}
