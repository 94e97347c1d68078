package io.kuberouter.router.cni;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * kube-router's edit of the CNI configuration (behaviour reference §5.1 step 1, {@code pkg/utils/cni.go}): in the
 * {@code bridge} plugin (the root of a {@code .conf}, an entry of {@code plugins} in a {@code .conflist}) the
 * legacy {@code ipam.subnet} is folded into {@code ipam.ranges}, every pod CIDR of the node missing from the
 * ranges is added as a range set of its own and, with {@code --auto-mtu}, {@code mtu} is set (upstream's
 * {@code SetMTU}); a final stop of the router takes the ranges it added out again. Every other field is kept. Pure.
 */
public final class CniConf {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CniConf() {
    }

    /**
     * An edit of the configuration.
     *
     * @param text the new configuration
     * @param added the pod CIDRs that were not in the ranges before (those already there are not the router's)
     */
    public record Edit(String text, List<String> added) {
        public Edit {
            added = List.copyOf(added);
        }
    }

    /**
     * The configuration {@code json} with {@code podCidrs} in the bridge plugin's ranges and, when present,
     * {@code mtu} as the bridge plugin's {@code mtu}.
     *
     * @return the edit, or empty when nothing changes
     * @throws IllegalArgumentException when {@code json} is not JSON or has no bridge plugin
     */
    public static Optional<Edit> withPodCidrs(String json, List<String> podCidrs, OptionalInt mtu) {
        JsonNode root = parse(json);
        ObjectNode bridge = bridgePlugin(root).orElseThrow(() ->
                new IllegalArgumentException("no plugin of type bridge"));
        ObjectNode ipam = bridge.has("ipam") && bridge.get("ipam").isObject() ? (ObjectNode) bridge.get("ipam")
                : bridge.putObject("ipam");
        boolean changed = false;
        ArrayNode ranges = ipam.has("ranges") && ipam.get("ranges").isArray() ? (ArrayNode) ipam.get("ranges")
                : null;
        if (ranges == null) {
            ranges = ipam.putArray("ranges");
            changed = true;
        }
        if (ipam.has("subnet")) {
            String legacy = ipam.get("subnet").asString();
            ipam.remove("subnet");
            if (!legacy.isEmpty() && !subnets(ranges).contains(legacy)) {
                ranges.addArray().addObject().put("subnet", legacy);
            }
            changed = true;
        }
        List<String> added = new ArrayList<>();
        for (String cidr : podCidrs) {
            if (!subnets(ranges).contains(cidr)) {
                ranges.addArray().addObject().put("subnet", cidr);
                added.add(cidr);
            }
        }
        if (mtu.isPresent() && bridge.path("mtu").asInt(-1) != mtu.getAsInt()) {
            bridge.put("mtu", mtu.getAsInt());
            changed = true;
        }
        return changed || !added.isEmpty() ? Optional.of(new Edit(text(root), added)) : Optional.empty();
    }

    /**
     * The configuration {@code json} without the range sets holding only CIDRs of {@code podCidrs}.
     *
     * @return the new text, or empty when nothing changes
     * @throws IllegalArgumentException when {@code json} is not JSON or has no bridge plugin
     */
    public static Optional<String> withoutPodCidrs(String json, List<String> podCidrs) {
        JsonNode root = parse(json);
        ObjectNode bridge = bridgePlugin(root).orElseThrow(() ->
                new IllegalArgumentException("no plugin of type bridge"));
        JsonNode ranges = bridge.path("ipam").path("ranges");
        if (!ranges.isArray()) {
            return Optional.empty();
        }
        boolean changed = false;
        for (int i = ranges.size() - 1; i >= 0; i--) {
            List<String> subnets = new ArrayList<>();
            ranges.get(i).forEach(range -> subnets.add(range.path("subnet").asString()));
            if (!subnets.isEmpty() && podCidrs.containsAll(subnets)) {
                ((ArrayNode) ranges).remove(i);
                changed = true;
            }
        }
        return changed ? Optional.of(text(root)) : Optional.empty();
    }

    private static String text(JsonNode root) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static Optional<ObjectNode> bridgePlugin(JsonNode root) {
        if (root.has("plugins") && root.get("plugins").isArray()) {
            for (JsonNode plugin : root.get("plugins")) {
                if (plugin.isObject() && "bridge".equals(plugin.path("type").asString())) {
                    return Optional.of((ObjectNode) plugin);
                }
            }
            return Optional.empty();
        }
        return root.isObject() && "bridge".equals(root.path("type").asString()) ? Optional.of((ObjectNode) root)
                : Optional.empty();
    }

    private static List<String> subnets(ArrayNode ranges) {
        List<String> subnets = new ArrayList<>();
        for (JsonNode set : ranges) {
            for (JsonNode range : set) {
                subnets.add(range.path("subnet").asString());
            }
        }
        return subnets;
    }
}
