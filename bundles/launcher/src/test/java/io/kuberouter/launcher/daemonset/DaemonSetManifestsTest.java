package io.kuberouter.launcher.daemonset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kuberouter.launcher.flags.CommandLine;
import io.kuberouter.launcher.flags.GeneralFlags;
import io.kuberouter.launcher.flags.Options;
import io.kuberouter.launcher.flags.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DaemonSet manifests of {@code distribution/daemonset/}, one per upstream mode, parsed with the fabric8 model:
 * every object the mode needs is there and consistent (RBAC for the agent's informers, the {@code kube-router-cfg}
 * ConfigMap and the CNI init step, probes on /healthz, mounts of declared volumes), and the agent's arguments are
 * accepted by this launcher with the mode's {@code --run-*} values.
 */
class DaemonSetManifestsTest {

    private static final Path DIR = Path.of("../../distribution/daemonset");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String NAMESPACE = "kube-system";

    /** Upstream's file name, then router, firewall, proxy, CNI installed, portmap (hostPort), DSR. */
    record Mode(String file, boolean router, boolean firewall, boolean proxy, boolean installsCni, boolean hostPort,
            boolean dsr) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Mode> modes() {
        return Stream.of(
                new Mode("generic-kuberouter-all-features.yaml", true, true, true, true, false, false),
                new Mode("kube-router-all-service-daemonset.yaml", true, true, true, true, false, false),
                new Mode("kube-router-proxy-daemonset.yaml", false, false, true, false, false, false),
                new Mode("kube-router-firewall-daemonset.yaml", false, true, false, false, false, false),
                new Mode("kubeadm-kuberouter-all-features-dsr.yaml", true, true, true, true, false, true),
                new Mode("kubeadm-kuberouter-all-features-hostport.yaml", true, true, true, true, true, false));
    }

    @Test
    void theFolderHoldsExactlyOneManifestPerMode() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertEquals(modes().map(Mode::file).collect(Collectors.toSet()),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void theAgentContainerRunsTheModeWithFlagsThisLauncherAccepts(Mode mode) throws IOException {
        DaemonSet daemonSet = one(read(mode), DaemonSet.class);
        Container agent = container(daemonSet.getSpec().getTemplate().getSpec().getContainers(), "kube-router");
        Outcome outcome = CommandLine.parse(agent.getArgs());
        Options options = assertInstanceOf(Outcome.Run.class, outcome, outcome.toString()).options();
        assertEquals(mode.router(), options.get(GeneralFlags.RUN_ROUTER), "--run-router");
        assertEquals(mode.firewall(), options.get(GeneralFlags.RUN_FIREWALL), "--run-firewall");
        assertEquals(mode.proxy(), options.get(GeneralFlags.RUN_SERVICE_PROXY), "--run-service-proxy");
        assertFalse(options.get(GeneralFlags.CLEANUP_CONFIG));
        assertTrue(agent.getSecurityContext().getPrivileged(), "privileged");
        assertFalse(agent.getImage().isBlank(), "image");
        assertTrue(agent.getEnv().stream().anyMatch(e -> e.getName().equals("NODE_NAME")
                && e.getValueFrom().getFieldRef().getFieldPath().equals("spec.nodeName")), "NODE_NAME");
        assertHealthz(agent.getLivenessProbe(), "liveness");
        assertHealthz(agent.getStartupProbe(), "startup");
        assertMounted(daemonSet, agent, Path.of(options.get(GeneralFlags.KUBECONFIG)).getParent().toString());
        for (String path : List.of("/lib/modules", "/run/xtables.lock", "/etc/cni/net.d")) {
            assertMounted(daemonSet, agent, path);
        }
        if (mode.dsr()) {
            assertMounted(daemonSet, agent, "/run/netns"); // where the runtime pins pod namespaces (docs/dsr.md)
            assertEquals("HostToContainer", mount(agent, "/run/netns").getMountPropagation(), "/run/netns propagation");
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void thePodRunsOnTheHostNetworkOnEveryNodeWithTheAgentsAccount(Mode mode) throws IOException {
        List<HasMetadata> objects = read(mode);
        DaemonSet daemonSet = one(objects, DaemonSet.class);
        ServiceAccount account = one(objects, ServiceAccount.class);
        PodSpec pod = daemonSet.getSpec().getTemplate().getSpec();
        assertEquals(NAMESPACE, daemonSet.getMetadata().getNamespace());
        assertTrue(daemonSet.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(daemonSet.getSpec().getSelector().getMatchLabels().entrySet()), "selector");
        assertTrue(pod.getHostNetwork(), "hostNetwork");
        assertEquals(mode.dsr(), Boolean.TRUE.equals(pod.getHostIPC()), "hostIPC (DSR only)");
        assertTrue(pod.getHostPID(), "hostPID");
        assertEquals("system-node-critical", pod.getPriorityClassName());
        assertTrue(pod.getTolerations().stream().anyMatch(t -> "Exists".equals(t.getOperator())
                && t.getKey() == null && "NoSchedule".equals(t.getEffect())), "tolerates every NoSchedule taint");
        assertEquals(account.getMetadata().getName(), pod.getServiceAccountName());
        assertEquals(NAMESPACE, account.getMetadata().getNamespace());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void theInitStepInstallsTheConfigMapsCniConfigurationWhereTheModeRoutesPods(Mode mode) throws IOException {
        List<HasMetadata> objects = read(mode);
        ConfigMap config = one(objects, ConfigMap.class);
        assertEquals("kube-router-cfg", config.getMetadata().getName());
        assertEquals(NAMESPACE, config.getMetadata().getNamespace());
        Map<?, ?> cni = SERIALIZATION.unmarshal(config.getData().get("cni-conf.json"), Map.class);
        List<?> plugins = (List<?>) cni.get("plugins");
        Map<?, ?> bridge = (Map<?, ?>) plugins.get(0);
        assertEquals("bridge", bridge.get("type"));
        assertEquals("kube-bridge", bridge.get("bridge"));
        assertEquals("host-local", ((Map<?, ?>) bridge.get("ipam")).get("type"));
        assertEquals(mode.hostPort(), plugins.stream().anyMatch(p -> "portmap".equals(((Map<?, ?>) p).get("type"))),
                "portmap plugin (hostPort)");

        DaemonSet daemonSet = one(objects, DaemonSet.class);
        Container init = container(daemonSet.getSpec().getTemplate().getSpec().getInitContainers(), "install-cni");
        assertEquals(String.valueOf(mode.installsCni()), init.getEnv().stream()
                .filter(e -> e.getName().equals("INSTALL_CNI")).findFirst().orElseThrow().getValue());
        String script = String.join(" ", init.getCommand());
        assertTrue(script.contains("/etc/kube-router/cni-conf.json") && script.contains("10-kuberouter.conflist"),
                script);
        assertMounted(daemonSet, init, "/etc/cni/net.d");
        assertMounted(daemonSet, init, "/host/opt/cni/bin");
        VolumeMount cfg = mount(init, "/etc/kube-router");
        assertEquals("kube-router-cfg", volume(daemonSet, cfg.getName()).getConfigMap().getName());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void theClusterRoleCoversEveryInformerAndIsBoundToTheAgentsAccount(Mode mode) throws IOException {
        List<HasMetadata> objects = read(mode);
        ClusterRole role = one(objects, ClusterRole.class);
        for (String resource : List.of("/namespaces", "/pods", "/services", "/nodes", "discovery.k8s.io/endpointslices",
                "networking.k8s.io/networkpolicies")) {
            String group = resource.substring(0, resource.indexOf('/'));
            String name = resource.substring(resource.indexOf('/') + 1);
            assertTrue(role.getRules().stream().anyMatch(r -> allows(r, group, name, Set.of("get", "list", "watch"))),
                    "get/list/watch " + resource);
        }
        ClusterRoleBinding binding = one(objects, ClusterRoleBinding.class);
        ServiceAccount account = one(objects, ServiceAccount.class);
        assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals("ClusterRole", binding.getRoleRef().getKind());
        assertTrue(binding.getSubjects().stream().anyMatch(s -> s.getKind().equals("ServiceAccount")
                && s.getName().equals(account.getMetadata().getName()) && NAMESPACE.equals(s.getNamespace())));
    }

    private static boolean allows(PolicyRule rule, String group, String resource, Set<String> verbs) {
        return rule.getApiGroups().contains(group) && rule.getResources().contains(resource)
                && rule.getVerbs().containsAll(verbs);
    }

    private static void assertHealthz(Probe probe, String what) {
        assertNotNull(probe, what + " probe");
        assertEquals("/healthz", probe.getHttpGet().getPath(), what);
        assertEquals(20244, probe.getHttpGet().getPort().getIntVal(), what);
    }

    /** {@code path} is at or below a mount of {@code container} whose volume the pod declares. */
    private static void assertMounted(DaemonSet daemonSet, Container container, String path) {
        VolumeMount mount = mount(container, path);
        assertNotNull(volume(daemonSet, mount.getName()), "volume " + mount.getName());
    }

    private static VolumeMount mount(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(m -> path.equals(m.getMountPath()) || path.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " mounts nothing at " + path));
    }

    private static Volume volume(DaemonSet daemonSet, String name) {
        return daemonSet.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static Container container(List<Container> containers, String name) {
        return containers.stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "exactly one " + type.getSimpleName());
        return found.get(0);
    }

    /** Every YAML document of the mode's file, as fabric8 model objects. */
    private static List<HasMetadata> read(Mode mode) throws IOException {
        String text = Files.readString(DIR.resolve(mode.file()));
        return Arrays.stream(text.split("(?m)^---\\s*$"))
                .filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:")))
                .map(doc -> SERIALIZATION.unmarshal(doc, HasMetadata.class)).toList();
    }
}
