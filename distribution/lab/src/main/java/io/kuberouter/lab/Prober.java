package io.kuberouter.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the reachability matrix: from every pod to every target (each pod's IP, each Service's ClusterIP, each node's
 * InternalIP for each NodePort; per port and protocol). One {@code probe.py} per source pod, in the pod's namespace,
 * all sources at once; each target probe is bounded by twice the timeout, so a whole round is too.
 */
final class Prober {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One column of the matrix. */
    record Target(String label, String address, Scenario.Port port) {
    }

    private Prober() {
    }

    /** The targets of a scenario, in matrix column order: pods, then Services, then NodePorts. */
    static List<Target> targets(Scenario scenario, List<LabPod> pods) {
        List<Target> targets = new ArrayList<>();
        for (LabPod pod : pods) {
            pod.ports().forEach(port -> targets.add(new Target("pod " + pod.id(), pod.ip(), port)));
        }
        for (Scenario.Service service : scenario.services()) {
            if (service.clusterIp() != null) {
                service.ports().forEach(p -> targets.add(new Target("service " + service.id(), service.clusterIp(),
                        p.port())));
            }
        }
        for (Scenario.Node node : scenario.nodes()) {
            scenario.services().stream().flatMap(s -> s.ports().stream()).filter(p -> p.nodePort() > 0)
                    .forEach(p -> targets.add(new Target("nodeport " + node.name(), node.internalIp(),
                            new Scenario.Port(p.nodePort(), p.port().protocol()))));
        }
        return targets;
    }

    /** Probes {@code targets} from each of {@code sources}; rows in source order, columns in target order. */
    static Matrix probe(String scenario, List<LabPod> sources, List<Target> targets, Path script, Duration timeout) {
        String request = request(targets, timeout);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, sources.size()));
        try {
            List<CompletableFuture<List<Probe>>> rows = sources.stream()
                    .map(source -> CompletableFuture.supplyAsync(() -> row(source, targets, script, request), pool))
                    .toList();
            List<Probe> probes = new ArrayList<>();
            for (CompletableFuture<List<Probe>> row : rows) {
                probes.addAll(joinRow(row));
            }
            return new Matrix(scenario, probes);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Probe> joinRow(CompletableFuture<List<Probe>> row) {
        try {
            return row.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static List<Probe> row(LabPod source, List<Target> targets, Path script, String request) {
        String output = Shell.run(Shell.inNetns(source.netns(), List.of(PodServers.PYTHON, script.toString())),
                Map.of(), request).orThrow();
        JsonNode results = JSON.readTree(output);
        if (results.size() != targets.size()) {
            throw new IllegalStateException("probe from " + source.id() + " answered " + output);
        }
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            probes.add(new Probe(source.id(), target.label(), target.address(), target.port().number(),
                    target.port().protocol(), results.get(i).asString()));
        }
        return probes;
    }

    private static String request(List<Target> targets, Duration timeout) {
        ObjectNode request = JSON.createObjectNode();
        request.put("timeout", timeout.toMillis() / 1000.0);
        ArrayNode list = request.putArray("targets");
        targets.forEach(t -> list.addArray().add(t.address()).add(t.port().number()).add(t.port().protocol()));
        return JSON.writeValueAsString(request);
    }
}
