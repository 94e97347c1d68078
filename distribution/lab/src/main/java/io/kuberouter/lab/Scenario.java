package io.kuberouter.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A lab scenario: a directory of Kubernetes manifests (every {@code *.yaml}, {@code *.yml}, {@code *.json} except
 * {@value #EXPECTED}) plus, optionally, the expected probe matrix in {@value #EXPECTED}. The lab builds what the
 * Nodes and Pods declare, probes what Pods and Services declare, and serves all manifests through the shared API.
 */
public final class Scenario {
    /** File name of the expected matrix, in the format {@link Matrix#toJson()} prints. */
    public static final String EXPECTED = "expected.json";

    /** A Node: {@code metadata.name}, its InternalIP on the node network, {@code spec.podCIDR}. */
    public record Node(String name, String internalIp, String podCidr) {
    }

    /** A port and its protocol ({@code TCP}, {@code UDP} or {@code SCTP}). */
    public record Port(int number, String protocol) {
        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    /**
     * A Pod on node {@code nodeName}; the lab's server in it answers on {@code ports} (its containers' ports).
     * {@code pinnedIp} is {@code status.podIP} if the manifest sets it (the lab asks host-local for exactly that
     * address), else null (host-local allocates one).
     */
    public record Pod(String namespace, String name, String nodeName, List<Port> ports, String pinnedIp) {
        /** {@code namespace/name}. */
        public String id() {
            return namespace + "/" + name;
        }
    }

    /** A Service port; {@code nodePort} is 0 unless the Service allocates one. */
    public record ServicePort(Port port, int nodePort) {
    }

    /** A Service; {@code clusterIp} is null for a headless Service or one without a ClusterIP. */
    public record Service(String namespace, String name, String clusterIp, List<ServicePort> ports) {
        /** {@code namespace/name}. */
        public String id() {
            return namespace + "/" + name;
        }
    }

    /** A manifest file and its objects, as read. */
    record Manifest(String fileName, List<ObjectNode> objects) {
    }

    private final String name;
    private final List<Node> nodes;
    private final List<Pod> pods;
    private final List<Service> services;
    private final List<Manifest> manifests;
    private final Matrix expected;

    Scenario(String name, List<Manifest> manifests, List<Node> nodes, List<Pod> pods, List<Service> services,
            Matrix expected) {
        this.name = name;
        this.manifests = List.copyOf(manifests);
        this.nodes = List.copyOf(nodes);
        this.pods = List.copyOf(pods);
        this.services = List.copyOf(services);
        this.expected = expected;
    }

    /** Reads the scenario in {@code dir}; throws IllegalArgumentException naming what is wrong with it. */
    public static Scenario read(Path dir) {
        return ScenarioReader.read(dir);
    }

    /** The directory's name. */
    public String name() {
        return name;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Pod> pods() {
        return pods;
    }

    public List<Service> services() {
        return services;
    }

    /** The expected matrix, if the scenario has {@value #EXPECTED}. */
    public Optional<Matrix> expected() {
        return Optional.ofNullable(expected);
    }

    /** The node named {@code nodeName}; throws IllegalArgumentException if there is none. */
    public Node node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Node " + nodeName + " in scenario " + name));
    }

    List<Manifest> manifests() {
        return manifests;
    }
}
