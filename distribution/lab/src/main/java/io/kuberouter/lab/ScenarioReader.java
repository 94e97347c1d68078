package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a scenario directory into a {@link Scenario}; every problem is an IllegalArgumentException naming it. */
final class ScenarioReader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ScenarioReader() {
    }

    static Scenario read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("scenario " + dir + " is not a directory");
        }
        List<Scenario.Manifest> manifests = manifestFiles(dir).stream().map(ScenarioReader::readManifest).toList();
        List<ObjectNode> objects = manifests.stream().flatMap(m -> m.objects().stream()).toList();
        List<Scenario.Node> nodes = ofKind(objects, "Node").map(ScenarioReader::node).toList();
        List<Scenario.Pod> pods = ofKind(objects, "Pod").map(ScenarioReader::pod).toList();
        List<Scenario.Service> services = ofKind(objects, "Service").map(ScenarioReader::service).toList();
        Path expected = dir.resolve(Scenario.EXPECTED);
        Scenario scenario = new Scenario(dir.toAbsolutePath().normalize().getFileName().toString(), manifests, nodes,
                pods, services, Files.exists(expected) ? Matrix.read(expected) : null);
        pods.forEach(p -> scenario.node(p.nodeName()));
        return scenario;
    }

    private static List<Path> manifestFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(ScenarioReader::isManifest).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return !name.equals(Scenario.EXPECTED)
                && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static Scenario.Manifest readManifest(Path file) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                } else if (!document.isNull() && !document.isMissingNode()) {
                    throw new IllegalArgumentException(file + ": a document that is not an object");
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot read manifest " + file + ": " + e.getOriginalMessage(), e);
        }
        return new Scenario.Manifest(file.getFileName().toString(), objects);
    }

    private static Stream<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(text(o, "/kind")));
    }

    private static Scenario.Node node(ObjectNode node) {
        String name = required(node, "/metadata/name", "a Node");
        String internalIp = null;
        for (JsonNode address : node.at("/status/addresses")) {
            if ("InternalIP".equals(text(address, "/type"))) {
                internalIp = text(address, "/address");
            }
        }
        String podCidr = text(node, "/spec/podCIDR");
        if (internalIp == null || podCidr == null) {
            throw new IllegalArgumentException("Node " + name + " needs spec.podCIDR and an InternalIP address");
        }
        return new Scenario.Node(name, internalIp, podCidr);
    }

    private static Scenario.Pod pod(ObjectNode pod) {
        String name = required(pod, "/metadata/name", "a Pod");
        String nodeName = required(pod, "/spec/nodeName", "Pod " + name);
        List<Scenario.Port> ports = new ArrayList<>();
        for (JsonNode container : pod.at("/spec/containers")) {
            for (JsonNode port : container.path("ports")) {
                ports.add(new Scenario.Port(port.path("containerPort").asInt(), protocol(port)));
            }
        }
        return new Scenario.Pod(namespace(pod), name, nodeName, ports, text(pod, "/status/podIP"));
    }

    private static Scenario.Service service(ObjectNode service) {
        String clusterIp = text(service, "/spec/clusterIP");
        List<Scenario.ServicePort> ports = new ArrayList<>();
        for (JsonNode port : service.at("/spec/ports")) {
            ports.add(new Scenario.ServicePort(new Scenario.Port(port.path("port").asInt(), protocol(port)),
                    port.path("nodePort").asInt(0)));
        }
        return new Scenario.Service(namespace(service), required(service, "/metadata/name", "a Service"),
                "None".equals(clusterIp) ? null : clusterIp, ports);
    }

    private static String protocol(JsonNode port) {
        String protocol = text(port, "/protocol");
        return protocol == null ? "TCP" : protocol;
    }

    private static String namespace(JsonNode object) {
        String namespace = text(object, "/metadata/namespace");
        return namespace == null ? "default" : namespace;
    }

    private static String required(JsonNode object, String pointer, String what) {
        String value = text(object, pointer);
        if (value == null) {
            throw new IllegalArgumentException(what + " lacks " + pointer.substring(1).replace('/', '.'));
        }
        return value;
    }

    /** The text at {@code pointer}, or null if there is none. */
    static String text(JsonNode object, String pointer) {
        JsonNode value = object.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
