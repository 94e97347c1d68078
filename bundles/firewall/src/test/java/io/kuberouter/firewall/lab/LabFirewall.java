package io.kuberouter.firewall.lab;

import io.kuberouter.api.cluster.ContainerPort;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.firewall.FirewallOwnership;
import io.kuberouter.firewall.build.Settings;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.sync.FirewallController;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.netfilter.ExecIptables;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import io.kuberouter.kernel.harness.Netns;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The firewall's controller as the component wires it, without OSGi: the real builder and reconciler on
 * kernel-exec's iptables and ipset services, which run their tools inside the lab's node namespace, fed by an
 * in-memory cluster state holding namespaces x, y, z (labels {@code ns=<name>} and
 * {@code kubernetes.io/metadata.name}) and the nine pods (label {@code pod=<name>}, container ports
 * {@code serve-80-tcp} ... {@code serve-81-sctp} as the e2e suite's agnhost pods).
 */
final class LabFirewall implements AutoCloseable {

    static final String NODE = "lab-node";
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(20);

    private final FakeClusterState cluster = new FakeClusterState(NODE);
    private final Settings settings;
    private final ExecIptables iptables;
    private final ExecIpsets ipsets;
    private FirewallController controller;

    /** A firewall without {@code --netpol-default-deny} whose cluster holds the nine pods. */
    LabFirewall(Netns node) {
        this(node, settings(false), LabTopology.PODS);
    }

    /**
     * @param pods the lab pods the cluster state knows (a pod running but unknown is not programmed)
     */
    LabFirewall(Netns node, Settings settings, List<LabPod> pods) {
        this.settings = settings;
        ProcessRunner runner = new SystemProcessRunner().inNetns(NetnsRef.named(node.name()));
        iptables = new ExecIptables(runner, ExecIptables.detect(runner), Duration.ofSeconds(60), 60);
        ipsets = new ExecIpsets(runner, Duration.ofSeconds(60));
        cluster.put(ClusterObjects.node(NODE, LabPod.BRIDGE_V4, LabPod.POD_CIDR_V4, LabPod.POD_CIDR_V6));
        reset(pods);
        start();
    }

    /** The lab's settings; the service range must not hold the lab's addresses (10.99.0.0/24). */
    static Settings settings(boolean defaultDeny) {
        return new Settings(List.of(IpFamily.IPV4, IpFamily.IPV6), List.of("10.96.0.0/16", "fd00:96::/112"),
                List.of(), List.of(), "30000-32767", defaultDeny);
    }

    /** The agent restarting: this controller stops without touching the kernel, a new one takes over. */
    void restart() {
        controller.stop();
        start();
    }

    private void start() {
        controller = new FirewallController(settings, Duration.ofMinutes(5), FirewallOwnership.OWNERSHIP,
                Clock.systemUTC());
        controller.bindIptables(iptables);
        controller.bindIpsets(ipsets);
        controller.start();
        controller.bindCluster(cluster);
        await(cluster.revision());
    }

    FirewallController controller() {
        return controller;
    }

    long addPod(LabPod pod) {
        return cluster.put(pod(pod, "pod=" + pod.name()));
    }

    FakeClusterState cluster() {
        return cluster;
    }

    /** No policies, every namespace and pod with its default labels. */
    long reset() {
        return reset(LabTopology.PODS);
    }

    private long reset(List<LabPod> pods) {
        cluster.deleteAll(ResourceKind.NETWORK_POLICY);
        for (String ns : List.of("x", "y", "z")) {
            cluster.put(ClusterObjects.namespace(ns, "ns=" + ns));
        }
        pods.forEach(p -> cluster.put(pod(p, "pod=" + p.name())));
        return cluster.revision();
    }

    long apply(List<NetworkPolicy> policies) {
        policies.forEach(cluster::put);
        return cluster.revision();
    }

    long delete(ObjectKey policy) {
        return cluster.delete(ResourceKind.NETWORK_POLICY, policy);
    }

    long labelPod(LabPod pod, List<String> labels) {
        return cluster.put(pod(pod, labels.toArray(String[]::new)));
    }

    long labelNamespace(String ns, List<String> labels) {
        return cluster.put(ClusterObjects.namespace(ns, labels.toArray(String[]::new)));
    }

    /** Waits until the kernel holds a state built from {@code revision} or later. */
    void await(long revision) {
        try {
            if (!controller.awaitApplied(revision, SYNC_TIMEOUT)) {
                throw new AssertionError("firewall did not apply revision " + revision + " within " + SYNC_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops the controller and removes the firewall's kernel state. */
    @Override
    public void close() {
        controller.stop();
        try {
            controller.removeKernelState();
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    static Pod pod(LabPod p, String... labels) {
        List<ContainerPort> ports = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            for (int port : List.of(80, 81)) {
                ports.add(new ContainerPort("serve-" + port + "-" + protocol.name().toLowerCase(Locale.ROOT),
                        protocol, port));
            }
        }
        return ClusterObjects.pod(p.namespace(), p.name(), NODE, List.of(p.ip(IpFamily.IPV4), p.ip(IpFamily.IPV6)),
                List.of(labels), ports);
    }
}
