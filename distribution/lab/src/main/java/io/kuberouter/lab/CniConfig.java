package io.kuberouter.lab;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node's CNI network configuration list, made from the project's conflist the way kube-router makes it: in the
 * {@code bridge} plugin's IPAM, a legacy {@code subnet} is turned into a range and the node's pod CIDR is appended to
 * {@code ranges} unless already there. The lab also points host-local's {@code dataDir} into the run directory, so
 * no allocation is written to the host's /var/lib/cni.
 */
final class CniConfig {

    private CniConfig() {
    }

    /** A copy of {@code conflist} for a node with {@code podCidr}; throws IllegalArgumentException without a bridge. */
    static ObjectNode forNode(ObjectNode conflist, String podCidr, Path ipamDataDir) {
        ObjectNode copy = conflist.deepCopy();
        ObjectNode ipam = bridgePlugin(copy).withObject("ipam");
        ArrayNode ranges = ipam.withArray("ranges");
        JsonNode subnet = ipam.remove("subnet");
        if (subnet != null) {
            addRange(ranges, subnet.asString());
        }
        addRange(ranges, podCidr);
        ipam.put("dataDir", ipamDataDir.toString());
        return copy;
    }

    private static ObjectNode bridgePlugin(ObjectNode conflist) {
        for (JsonNode plugin : conflist.path("plugins")) {
            if (plugin instanceof ObjectNode object && "bridge".equals(object.path("type").asString(""))) {
                return object;
            }
        }
        throw new IllegalArgumentException("the CNI configuration list has no bridge plugin");
    }

    private static void addRange(ArrayNode ranges, String cidr) {
        for (JsonNode set : ranges) {
            for (JsonNode range : set) {
                if (cidr.equals(range.path("subnet").asString(""))) {
                    return;
                }
            }
        }
        ranges.addArray().addObject().put("subnet", cidr);
    }
}
