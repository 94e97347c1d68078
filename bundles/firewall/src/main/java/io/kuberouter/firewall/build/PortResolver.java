package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.ContainerPort;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.firewall.build.ResolvedRule.NamedPortMatch;
import io.kuberouter.firewall.build.ResolvedRule.PortMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The ports of one rule, upstream's {@code processNetworkPolicyPorts}: a number (with {@code endPort} as
 * {@code port:endPort}, ignored when smaller than the port), a protocol alone (every port), or a name resolved
 * through the {@code containerPorts} (name and protocol) of the pods the rule protects or reaches; pods may map one
 * name to different numbers, each number is matched with its own pods. An invalid port or a name no pod declares
 * is reported and allows nothing.
 */
final class PortResolver {

    /** IANA service name: 1-15 lower-case letters, digits and inner single hyphens, at least one letter. */
    private static final Pattern NAME = Pattern.compile("(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");

    private final ObjectKey policy;
    private final Problems problems;

    PortResolver(ObjectKey policy, Problems problems) {
        this.policy = policy;
        this.problems = problems;
    }

    /** The numeric and protocol-only matches of {@code ports}. */
    List<PortMatch> numeric(List<NetworkPolicy.Port> ports, String where) {
        List<PortMatch> out = new ArrayList<>();
        for (NetworkPolicy.Port p : ports) {
            if (p.port() == null) {
                out.add(new PortMatch(p.protocol(), ""));
            } else if (NUMBER.matcher(p.port()).matches()) {
                numberMatch(p, where).ifPresent(out::add);
            } else if (!NAME.matcher(p.port()).matches()) {
                problems.add(policy, Problems.INVALID_PORT, where + ": port '" + p.port()
                        + "' is neither a number 1-65535 nor a port name; it allows nothing");
            }
        }
        return out;
    }

    /** The named ports of {@code ports}, resolved through the container ports of {@code pods}. */
    List<NamedPortMatch> named(List<NetworkPolicy.Port> ports, List<Pod> pods, String where) {
        List<NamedPortMatch> out = new ArrayList<>();
        for (NetworkPolicy.Port p : ports) {
            if (p.port() != null && NAME.matcher(p.port()).matches()) {
                List<NamedPortMatch> resolved = resolve(p.port(), p.protocol(), pods);
                if (resolved.isEmpty()) {
                    problems.add(policy, Problems.UNRESOLVED_NAMED_PORT, where + ": no selected pod declares a "
                            + p.protocol() + " container port named '" + p.port() + "'; it allows nothing");
                }
                out.addAll(resolved);
            }
        }
        return out;
    }

    private Optional<PortMatch> numberMatch(NetworkPolicy.Port p, String where) {
        int port = Integer.parseInt(p.port());
        if (port < 1 || port > 65535 || p.endPort() > 65535) {
            problems.add(policy, Problems.INVALID_PORT, where + ": port " + p.port()
                    + (p.endPort() > 0 ? "-" + p.endPort() : "") + " is out of 1-65535; it allows nothing");
            return Optional.empty();
        }
        String dport = p.endPort() >= port ? port + ":" + p.endPort() : String.valueOf(port);
        return Optional.of(new PortMatch(p.protocol(), dport));
    }

    /**
     * Upstream's {@code grabNamedPortFromPod}, by port number in ascending order. A pod declaring a name twice
     * (which the API refuses) would only be listed twice; its set entry is the same.
     */
    private static List<NamedPortMatch> resolve(String name, Protocol protocol, List<Pod> pods) {
        Map<Integer, List<Pod>> byNumber = new TreeMap<>();
        for (Pod pod : pods) {
            for (ContainerPort cp : pod.containerPorts()) {
                if (cp.name().equals(name) && cp.protocol() == protocol) {
                    byNumber.computeIfAbsent(cp.port(), n -> new ArrayList<>()).add(pod);
                }
            }
        }
        List<NamedPortMatch> out = new ArrayList<>();
        byNumber.forEach((number, list) -> out.add(new NamedPortMatch(protocol, number, list)));
        return out;
    }
}
