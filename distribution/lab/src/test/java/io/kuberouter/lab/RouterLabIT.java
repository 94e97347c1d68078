package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The router capability on the host kernel with the real distribution, no static routes (run by the distribution
 * module's failsafe): three agents on one subnet learn each other's pod CIDRs over iBGP and inject them (protocol
 * 0x11, no tunnel) and write their pod CIDR into their CNI conf, pods reach each other across nodes, pod egress to
 * other addresses is masqueraded; a bird2 external peer in the fabric namespace receives every
 * pod CIDR and the VIPs of an annotated Service, and their withdrawal when the annotations go; a Node removed from
 * the API loses its routes on the other nodes. Each node has {@code kube-bridge} with the MTU of its node interface
 * (auto-MTU, also in its CNI conf) and upstream's FORWARD accept rules. Finally {@code --cleanup-config} on n1 (its
 * agent stopped) removes the router's routes, rules, FORWARD rules, egress rule and the pod CIDR it wrote into the
 * CNI conf, and leaves a foreign route, rule, FORWARD rule and CNI range, and {@code kube-bridge} with its pod.
 */
class RouterLabIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final List<String> AGENT_ARGS = List.of("--run-service-proxy=false", "--run-firewall=false",
            "--peer-router-ips=10.99.0.254",
            "--peer-router-asns=64513");
    private static final LabOptions OPTIONS = LabOptions.defaults().withAgentArgs(AGENT_ARGS);
    private static final Path SCENARIO = OPTIONS.distribution().resolve("lab/scenarios/three-nodes-router");
    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final String NODE_INTERFACE_RULE = "-A FORWARD -o eth0 -m comment --comment \"allow outbound node "
            + "port traffic on node interface with which node ip is associated\" -j ACCEPT";

    @Test
    void podRoutesConvergeVipsReachTheExternalPeerAndRemovedNodesAreWithdrawn() throws Exception {
        try (Lab lab = Lab.up(SCENARIO, OPTIONS)) {
            String fabric = RunRecord.PREFIX + lab.runId() + "-fabric";
            for (String node : NODES) {
                awaitPodRoutes(lab, node, otherCidrs(node));
            }
            for (String node : NODES) {
                Path conf = ControlPlane.cniConf(OPTIONS.distribution(), lab.runDir(), node(lab, node));
                await("CNI conf of " + node, () -> read(conf).contains("10.244." + node.substring(1) + ".0/24"));
            }
            assertNoTunnels(lab);
            assertPodNetworkIsSetUp(lab, "n1");
            assertPodsReachEachOther(lab);
            assertPodEgressIsMasqueraded(lab, fabric);

            Process bird = startBird(lab, fabric);
            try {
                lab.applyManifest("20-services.yaml", services("true"));
                List<String> advertised = List.of("10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24", "10.96.0.10/32",
                        "192.0.2.10/32", "198.51.100.10/32");
                await("bird has every pod CIDR and the annotated VIPs", () -> {
                    String routes = birdRoutes(lab, fabric);
                    return advertised.stream().allMatch(routes::contains);
                });
                String routes = birdRoutes(lab, fabric);
                assertFalse(routes.contains("10.96.0.11/32"), "the unannotated service's VIP:\n" + routes);
                assertTrue(routes.contains("10.244.2.0/24") && routes.contains("AS64512"), routes);
                assertTrue(birdRoute(lab, fabric, "10.244.2.0/24").contains("via 10.99.0.2"),
                        "each pod CIDR from its node: " + birdRoute(lab, fabric, "10.244.2.0/24"));

                lab.applyManifest("20-services.yaml", services("false"));
                await("bird lost the VIPs", () -> {
                    String now = birdRoutes(lab, fabric);
                    return !now.contains("10.96.0.10/32") && !now.contains("192.0.2.10/32")
                            && !now.contains("198.51.100.10/32");
                });
                assertTrue(birdRoutes(lab, fabric).contains("10.244.3.0/24"), "pod CIDRs stay");
            } finally {
                bird.destroy();
                bird.waitFor();
            }

            lab.applyManifest("00-nodes.yaml", RouterConvergence.RouterScenario.nodes(2));
            for (String node : List.of("n1", "n2")) {
                await("node " + node + " drops n3's pod route", () -> !podRoutes(lab, node).contains("10.244.3.0/24"));
                assertTrue(podRoutes(lab, node).contains(node.equals("n1") ? "10.244.2.0/24" : "10.244.1.0/24"));
            }
            assertCleanupConfigRemovesTheRoutersStateOnly(lab);
        }
    }

    /**
     * §5.1 steps 4, 7, 8: upstream's three FORWARD accept rules (the node interface is eth0), {@code kube-bridge}
     * up with eth0's MTU, the same MTU in the CNI conf's bridge plugin.
     */
    private static void assertPodNetworkIsSetUp(Lab lab, String name) {
        LabNode node = node(lab, name);
        String mtu = mtu(node, "eth0");
        Path conf = ControlPlane.cniConf(OPTIONS.distribution(), lab.runDir(), node);
        await("CNI conf of " + name + " has the MTU", () -> read(conf).contains("\"mtu\" : " + mtu));
        String filter = node.exec("iptables-save", "-t", "filter");
        for (String rule : List.of(
                "-A FORWARD -i kube-bridge -m comment --comment \"allow outbound traffic from pods\" -j ACCEPT",
                "-A FORWARD -o kube-bridge -m comment --comment \"allow inbound traffic to pods\" -j ACCEPT",
                NODE_INTERFACE_RULE)) {
            assertTrue(filter.contains(rule), filter);
        }
        String bridge = node.exec("ip", "-o", "link", "show", "dev", "kube-bridge");
        assertTrue(bridge.contains(",UP") && bridge.contains("mtu " + mtu + " "), bridge);
    }

    /**
     * {@code --cleanup-config} in n1's namespace after its agent exited (which keeps the dataplane), with the
     * agent's {@code --state-dir}, where the router recorded the pod CIDR it inserted into the CNI conf.
     */
    private static void assertCleanupConfigRemovesTheRoutersStateOnly(Lab lab) throws IOException {
        LabNode n1 = node(lab, "n1");
        lab.stopAgent("n1");
        assertTrue(podRoutes(lab, "n1").contains("10.244.2.0/24"), "the agent's exit kept its routes");
        n1.exec("ip", "route", "add", "10.123.0.0/24", "via", "10.99.0.254", "dev", "eth0");
        n1.exec("ip", "rule", "add", "from", "10.124.0.0/24", "lookup", "100", "priority", "1000");
        n1.exec("iptables", "-A", "FORWARD", "-o", "eth0", "-j", "ACCEPT");
        Path conf = ControlPlane.cniConf(OPTIONS.distribution(), lab.runDir(), n1);
        Files.writeString(conf, read(conf).replaceFirst("\"ranges\" : \\[", "\"ranges\" : [ [ { \"subnet\" : "
                + "\"10.250.0.0/24\" } ],"));
        assertTrue(read(conf).contains("10.244.1.0/24") && read(conf).contains("10.250.0.0/24"), read(conf));

        Shell.Result cleanup = Shell.run(Shell.inNetns(n1.netns(), List.of(
                OPTIONS.distribution().resolve("bin/kube-router").toString(), "--cleanup-config",
                "--state-dir=" + lab.runDir().resolve("state").resolve("n1"))), Map.of(), "");

        assertEquals("", podRoutes(lab, "n1").strip(), "routes of protocol 0x11\n" + cleanup.stderr());
        String rules = n1.exec("ip", "rule", "show");
        assertFalse(rules.contains("lookup 77") || rules.contains("lookup kube-router"), rules);
        assertTrue(rules.contains("from 10.124.0.0/24 lookup 100"), rules);
        assertTrue(n1.exec("ip", "route", "show").contains("10.123.0.0/24 via 10.99.0.254"), "foreign route");
        String filter = n1.exec("iptables-save", "-t", "filter");
        assertFalse(filter.contains("allow outbound traffic from pods") || filter.contains("allow inbound traffic "
                + "to pods") || filter.contains("allow outbound node port traffic"), filter);
        assertTrue(filter.contains("-A FORWARD -o eth0 -j ACCEPT"), filter);
        assertFalse(n1.exec("iptables-save", "-t", "nat").contains("kube-router-pod-subnets"), "egress rule");
        String after = read(conf);
        assertFalse(after.contains("10.244.1.0/24"), after);
        assertTrue(after.contains("10.250.0.0/24") && after.contains("portmap"), after);
        assertTrue(n1.exec("ip", "-o", "link", "show").contains("kube-bridge"), "kube-bridge stays with a1 on it");
        assertTrue(cleanup.stderr().contains("router stopped: its routes"), cleanup.stderr());
        assertEquals(0, cleanup.exitCode(), "every capability removed its state\n" + cleanup.stderr());
    }

    private static String mtu(LabNode node, String link) {
        String line = node.exec("ip", "-o", "link", "show", "dev", link);
        return line.replaceFirst("(?s).* mtu (\\d+) .*", "$1");
    }

    private static void awaitPodRoutes(Lab lab, String node, List<String> cidrs) {
        await("pod routes on " + node, () -> {
            String routes = podRoutes(lab, node);
            return cidrs.stream().allMatch(routes::contains);
        });
        String routes = podRoutes(lab, node);
        for (String cidr : cidrs) {
            String via = "10.99.0." + cidr.split("\\.")[2];
            assertTrue(routes.contains(cidr + " via " + via + " dev eth0"), "direct route on the same subnet:\n"
                    + routes);
        }
    }

    private static void assertNoTunnels(Lab lab) {
        for (String node : NODES) {
            String links = node(lab, node).exec("ip", "-o", "link", "show");
            assertFalse(links.contains("tun-"), "no ipip tunnel on one subnet:\n" + links);
        }
    }

    private static void assertPodsReachEachOther(Lab lab) {
        Matrix matrix = lab.probe();
        List<String> failed = new ArrayList<>();
        for (Probe probe : matrix.probes()) {
            String target = probe.target().substring("pod lab/".length());
            if (!probe.result().equals(target)) {
                failed.add(probe.key() + ": " + probe.result());
            }
        }
        assertEquals(List.of(), failed, matrix.table());
        assertEquals(9, matrix.probes().size());
    }

    /**
     * {@code --enable-pod-egress}: a pod's connection to an address that is neither a pod's nor a node's (the
     * fabric's) arrives from its node's IP; the two ipsets hold every pod CIDR and node IP.
     */
    private static void assertPodEgressIsMasqueraded(Lab lab, String fabric) throws Exception {
        LabNode n1 = node(lab, "n1");
        await("pod egress rule on n1", () -> n1.exec("iptables-save", "-t", "nat").contains(
                "-A POSTROUTING -m set --match-set kube-router-pod-subnets src"));
        String sets = n1.exec("ipset", "list", "kube-router-pod-subnets") + n1.exec("ipset", "list",
                "kube-router-node-ips");
        for (String member : List.of("10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24", "10.99.0.1", "10.99.0.3")) {
            assertTrue(sets.contains(member), sets);
        }
        Path out = lab.runDir().resolve("egress-peer.txt");
        Process server = new ProcessBuilder(Shell.inNetns(fabric, List.of("python3", "-c",
                "import socket\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
                        + "s.bind(('10.99.0.254',9999))\ns.listen()\nprint('ready',flush=True)\n"
                        + "c,a=s.accept()\nprint(a[0],flush=True)")))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            await("egress peer listening", () -> read(out).contains("ready"));
            lab.pod("lab/a1").exec("python3", "-c",
                    "import socket\nsocket.create_connection(('10.99.0.254',9999),2).close()");
            await("egress peer saw the connection", () -> read(out).lines().count() >= 2);
            assertEquals("10.99.0.1", read(out).lines().skip(1).findFirst().orElseThrow().trim(),
                    "the pod's connection leaves with its node's IP");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String podRoutes(Lab lab, String node) {
        return node(lab, node).exec("ip", "route", "show", "proto", "17");
    }

    private static LabNode node(Lab lab, String name) {
        return lab.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> otherCidrs(String node) {
        return NODES.stream().filter(n -> !n.equals(node)).map(n -> "10.244." + n.substring(1) + ".0/24").toList();
    }

    private static Process startBird(Lab lab, String fabric) throws IOException {
        Path dir = Files.createDirectories(lab.runDir().resolve("bird"));
        StringBuilder conf = new StringBuilder("router id 10.99.0.254;\nprotocol device { }\n");
        for (String node : NODES) {
            conf.append("protocol bgp ").append(node).append(" { local 10.99.0.254 as 64513; neighbor 10.99.0.")
                    .append(node.substring(1)).append(" as 64512; ipv4 { import all; export none; }; }\n");
        }
        Path config = Files.writeString(dir.resolve("bird.conf"), conf);
        Shell.execIn(fabric, "bird", "-p", "-c", config.toString());
        Process bird = new ProcessBuilder(Shell.inNetns(fabric, List.of("bird", "-f", "-c", config.toString(), "-s",
                dir.resolve("bird.ctl").toString(), "-P", dir.resolve("bird.pid").toString())))
                .redirectErrorStream(true).redirectOutput(dir.resolve("bird.log").toFile()).start();
        await("bird's control socket", () -> birdc(lab, fabric, "show", "status").contains("Daemon is up"));
        return bird;
    }

    private static String birdRoutes(Lab lab, String fabric) {
        return birdc(lab, fabric, "show", "route", "table", "master4");
    }

    private static String birdRoute(Lab lab, String fabric, String prefix) {
        return birdc(lab, fabric, "show", "route", "all", "table", "master4", prefix);
    }

    private static String birdc(Lab lab, String fabric, String... args) {
        List<String> command = new ArrayList<>(List.of("birdc", "-s", lab.runDir().resolve("bird/bird.ctl").toString()));
        command.addAll(List.of(args));
        return Shell.run(Shell.inNetns(fabric, command), Map.of(), "").stdout();
    }

    /** The services of the test: {@code web} with the three advertise annotations set to {@code value}. */
    private static String services(String value) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: lab
                  annotations:
                    kube-router.io/service.advertise.clusterip: "%1$s"
                    kube-router.io/service.advertise.externalip: "%1$s"
                    kube-router.io/service.advertise.loadbalancerip: "%1$s"
                spec:
                  type: LoadBalancer
                  clusterIP: 10.96.0.10
                  clusterIPs: [10.96.0.10]
                  externalIPs: [192.0.2.10]
                  selector: {app: a}
                  ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP}]
                status:
                  loadBalancer:
                    ingress: [{ip: 198.51.100.10}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: plain, namespace: lab}
                spec:
                  type: ClusterIP
                  clusterIP: 10.96.0.11
                  clusterIPs: [10.96.0.11]
                  selector: {app: b}
                  ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP}]
                """.formatted(value);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(CONVERGE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + CONVERGE.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
