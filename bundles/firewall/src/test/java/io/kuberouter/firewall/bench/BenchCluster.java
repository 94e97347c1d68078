package io.kuberouter.firewall.bench;

import io.kuberouter.api.cluster.ContainerPort;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.fixture.PolicyYaml;
import java.util.List;

/**
 * A synthetic cluster for the benchmark: {@code namespaces} namespaces (labels {@code team=t<i%10>},
 * {@code env=prod|dev}) of {@code podsPerNamespace} pods each (labels {@code app=app<j%10>},
 * {@code tier=web|api|db}, a container port {@code http} 8080), spread round-robin over {@code nodes} nodes of
 * which the first is the local one, and {@code policiesPerNamespace} policies per namespace cycling through ten
 * shapes: ingress from an app on a port, from web pods of the team's namespaces on two ports, from an ipBlock with
 * except, egress to database pods of prod namespaces, default deny, both directions on a named port, a port range,
 * pod-or-namespace peers, egress to a CIDR, ingress from every namespace of the team.
 */
final class BenchCluster {

    static final String LOCAL_NODE = "node-0";

    private final int namespaces;
    private final int podsPerNamespace;
    private final int nodes;

    BenchCluster(int namespaces, int podsPerNamespace, int nodes) {
        this.namespaces = namespaces;
        this.podsPerNamespace = podsPerNamespace;
        this.nodes = nodes;
    }

    void populate(FakeClusterState cluster, int policiesPerNamespace) {
        cluster.put(ClusterObjects.node(LOCAL_NODE, "192.168.0.10", "10.244.0.0/16"));
        for (int n = 0; n < namespaces; n++) {
            cluster.put(ClusterObjects.namespace(ns(n), "team=t" + n % 10, "env=" + (n % 3 == 0 ? "prod" : "dev")));
            for (int j = 0; j < podsPerNamespace; j++) {
                cluster.put(pod(n, j, n * podsPerNamespace + j));
            }
            for (int k = 0; k < policiesPerNamespace; k++) {
                cluster.put(policy(n, k));
            }
        }
    }

    /** Pod {@code j} of namespace {@code n}; {@code index} numbers pods cluster-wide (node and IP). */
    Pod pod(int n, int j, int index) {
        String node = "node-" + index % nodes;
        String ip = "10." + (244 + index / 62_500) + "." + index / 250 % 250 + "." + (index % 250 + 1);
        return ClusterObjects.pod(ns(n), "pod-" + j, node, List.of(ip), List.of("app=app" + j % 10,
                "tier=" + List.of("web", "api", "db").get(j % 3)), List.of(new ContainerPort("http", Protocol.TCP,
                8080)));
    }

    static String ns(int n) {
        return "ns-" + n;
    }

    private static NetworkPolicy policy(int n, int k) {
        String head = "metadata: {name: p" + k + ", namespace: " + ns(n) + "}\nspec:\n";
        String app = "app" + k % 10;
        String spec = switch (k % 10) {
            case 0 -> in(app, "- from: [{podSelector: {matchLabels: {app: app" + (k + 1) % 10 + "}}}]\n"
                    + "  ports: [{port: 8080}]");
            case 1 -> in(app, "- from: [{namespaceSelector: {matchLabels: {team: t" + n % 10 + "}}, "
                    + "podSelector: {matchLabels: {tier: web}}}]\n  ports: [{port: 80}, {port: 443}]");
            case 2 -> in(app, "- from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]\n"
                    + "  ports: [{port: 443}]");
            case 3 -> "  podSelector: {matchLabels: {app: " + app + "}}\n  policyTypes: [Egress]\n  egress:\n"
                    + "  - to: [{namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: "
                    + "{tier: db}}}]\n    ports: [{port: 5432}]";
            case 4 -> "  podSelector: {matchLabels: {app: " + app + "}}\n  policyTypes: [Ingress]";
            case 5 -> "  podSelector: {matchLabels: {app: " + app + "}}\n  policyTypes: [Ingress, Egress]\n"
                    + "  ingress:\n  - ports: [{port: http}]\n  egress:\n  - ports: [{port: http}, {port: 53, "
                    + "protocol: UDP}]";
            case 6 -> in(app, "- ports: [{port: 30000, endPort: 30100}]");
            case 7 -> in(app, "- from: [{podSelector: {matchLabels: {tier: api}}}, {namespaceSelector: "
                    + "{matchLabels: {team: t" + n % 10 + ", env: prod}}}]");
            case 8 -> "  podSelector: {matchLabels: {app: " + app + "}}\n  policyTypes: [Egress]\n  egress:\n"
                    + "  - to: [{ipBlock: {cidr: 172.16.0.0/12}}]";
            default -> in(app, "- from: [{namespaceSelector: {matchLabels: {team: t" + n % 10 + "}}}]\n"
                    + "  ports: [{port: 9090, protocol: TCP}]");
        };
        return PolicyYaml.parse(head + spec + "\n");
    }

    private static String in(String app, String rules) {
        return "  podSelector: {matchLabels: {app: " + app + "}}\n  ingress:\n  " + rules.replace("\n", "\n  ");
    }
}
