package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attaches pods to their node the way a container runtime does with a CNI configuration list: each plugin of the
 * list, in order, is run inside the node's namespace with the list's {@code name} and {@code cniVersion} and the
 * previous plugin's result as {@code prevResult}; the last result holds the pod's address. The plugins are the real
 * ones in {@value #PLUGIN_DIR} (Debian containernetworking-plugins).
 */
final class Cni {
    static final String PLUGIN_DIR = "/usr/lib/cni";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode conflist;

    private Cni(ObjectNode conflist) {
        this.conflist = conflist;
    }

    /** Reads the project's conflist (the distribution's {@code cni/10-kuberouter.conflist}). */
    static Cni load(Path conflist) {
        try {
            return new Cni((ObjectNode) JSON.readTree(Files.readString(conflist)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException | ClassCastException e) {
            throw new IllegalArgumentException("not a CNI configuration list: " + conflist, e);
        }
    }

    /**
     * Runs CNI ADD for {@code pod} (interface eth0 in namespace {@code podNetns}) on {@code node}; returns the
     * pod's IPv4 address. A pinned address is requested from host-local through {@code CNI_ARGS IP=}.
     */
    String add(Scenario.Pod pod, String podNetns, Scenario.Node node, String nodeNetns, Path ipamDataDir) {
        ObjectNode config = CniConfig.forNode(conflist, node.podCidr(), ipamDataDir);
        Map<String, String> env = Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", podNetns,
                "CNI_NETNS", "/run/netns/" + podNetns, "CNI_IFNAME", "eth0", "CNI_PATH", PLUGIN_DIR,
                "CNI_ARGS", args(pod, podNetns));
        JsonNode result = null;
        for (JsonNode plugin : config.path("plugins")) {
            ObjectNode input = ((ObjectNode) plugin).deepCopy();
            input.put("name", config.path("name").asString()).put("cniVersion", config.path("cniVersion").asString());
            if (result != null) {
                input.set("prevResult", result);
            }
            String type = input.path("type").asString();
            String output = Shell.run(Shell.inNetns(nodeNetns, List.of(PLUGIN_DIR + "/" + type)), env,
                    JSON.writeValueAsString(input)).orThrow();
            result = JSON.readTree(output);
        }
        return address(result, pod);
    }

    private static String args(Scenario.Pod pod, String podNetns) {
        String args = "IgnoreUnknown=1;K8S_POD_NAMESPACE=" + pod.namespace() + ";K8S_POD_NAME=" + pod.name()
                + ";K8S_POD_INFRA_CONTAINER_ID=" + podNetns;
        return pod.pinnedIp() == null ? args : args + ";IP=" + pod.pinnedIp();
    }

    private static String address(JsonNode result, Scenario.Pod pod) {
        String cidr = result == null ? "" : result.at("/ips/0/address").asString("");
        if (cidr.isEmpty()) {
            throw new IllegalStateException("CNI ADD of pod " + pod.id() + " returned no address: " + result);
        }
        return cidr.substring(0, cidr.indexOf('/'));
    }
}
