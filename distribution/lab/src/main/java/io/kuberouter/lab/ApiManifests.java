package io.kuberouter.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests the shared API serves: the scenario's, file by file, with each Pod's status filled in as a kubelet
 * would report it (Running, the address CNI gave it, its node's InternalIP). Later edits of these files reach the
 * agents as API updates (the API follows its folder).
 */
final class ApiManifests {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ApiManifests() {
    }

    /** Writes the scenario's manifests into {@code dir} (created if missing). */
    static void write(Scenario scenario, List<LabPod> pods, List<LabNode> nodes, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Scenario.Manifest manifest : scenario.manifests()) {
            try (SequenceWriter out = YAML.writer().writeValues(dir.resolve(yamlName(manifest.fileName())))) {
                for (ObjectNode object : manifest.objects()) {
                    out.write(withStatus(object, pods, nodes));
                }
            }
        }
    }

    private static String yamlName(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) + ".yaml" : fileName;
    }

    private static ObjectNode withStatus(ObjectNode object, List<LabPod> pods, List<LabNode> nodes) {
        if (!"Pod".equals(ScenarioReader.text(object, "/kind"))) {
            return object;
        }
        String namespace = ScenarioReader.text(object, "/metadata/namespace");
        String id = (namespace == null ? "default" : namespace) + "/" + ScenarioReader.text(object, "/metadata/name");
        LabPod pod = pods.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        String hostIp = nodes.stream().filter(n -> n.name().equals(pod.node())).findFirst().orElseThrow().internalIp();
        ObjectNode copy = object.deepCopy();
        ObjectNode status = copy.withObject("status");
        status.put("phase", "Running").put("podIP", pod.ip()).put("hostIP", hostIp);
        status.putArray("podIPs").addObject().put("ip", pod.ip());
        status.putArray("hostIPs").addObject().put("ip", hostIp);
        return copy;
    }
}
