package io.kuberouter.firewall.lab;

import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.firewall.fixture.PolicyYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A ported case of the Kubernetes e2e NetworkPolicy suite, read from {@code netpol-cases/NAME/case.yaml}:
 * <pre>
 * upstream: the e2e case ("It should ...")
 * steps:                               # applied in order; each ends with probes
 * - apply: |                           # NetworkPolicy manifests, multi-document
 *     ...
 *   delete: [x/allow-all]              # policies to delete
 *   podLabels: {x/b: [pod=b, pod2=updated]}
 *   namespaceLabels: {y: [ns=y, ns2=updated]}
 *   expect:                            # one truth table per probe (PROTOCOL/PORT[/IPv6])
 *     TCP/80: |
 *       -   x/a x/b ...
 *       x/a -   .   ...
 * </pre>
 */
record NetpolCase(String name, String upstream, List<Step> steps) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** One step: changes to the cluster, then the truth tables expected afterwards. */
    record Step(List<NetworkPolicy> apply, List<ObjectKey> delete, Map<LabPod, List<String>> podLabels,
            Map<String, List<String>> namespaceLabels, Map<ProbeSpec, TruthTable> expect) {
    }

    /** Every case under {@code netpol-cases/}, by folder name. */
    static List<NetpolCase> loadAll() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().map(NetpolCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NetpolCase load(Path dir) {
        JsonNode node = YAML.readTree(dir.resolve("case.yaml").toFile());
        List<Step> steps = new ArrayList<>();
        node.path("steps").values().forEach(s -> steps.add(step(s)));
        return new NetpolCase(dir.getFileName().toString(), node.path("upstream").asString(""), steps);
    }

    private static Step step(JsonNode s) {
        List<NetworkPolicy> apply = s.path("apply").isMissingNode() ? List.of()
                : PolicyYaml.parseAll(s.path("apply").asString());
        List<ObjectKey> delete = new ArrayList<>();
        s.path("delete").values().forEach(d -> {
            String[] parts = d.asString().split("/");
            delete.add(new ObjectKey(parts[0], parts[1]));
        });
        Map<LabPod, List<String>> podLabels = new LinkedHashMap<>();
        s.path("podLabels").forEachEntry((pod, labels) -> podLabels.put(LabPod.parse(pod), strings(labels)));
        Map<String, List<String>> nsLabels = new LinkedHashMap<>();
        s.path("namespaceLabels").forEachEntry((ns, labels) -> nsLabels.put(ns, strings(labels)));
        Map<ProbeSpec, TruthTable> expect = new LinkedHashMap<>();
        s.path("expect").forEachEntry((spec, table) -> expect.put(ProbeSpec.parse(spec),
                TruthTable.parse(table.asString())));
        return new Step(apply, delete, podLabels, nsLabels, expect);
    }

    private static List<String> strings(JsonNode list) {
        return list.values().stream().map(JsonNode::asString).toList();
    }

    private static Path root() {
        try {
            return Path.of(NetpolCase.class.getResource("/netpol-cases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
