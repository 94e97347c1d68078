package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CniConfigTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path PROJECT_CONFLIST = Path.of("../../cni/10-kuberouter.conflist");
    private static final Path DATA_DIR = Path.of("/tmp/krlab-x/ipam/n1");

    @Test
    void podCidrIsAppendedToTheBridgePluginsRangesAndOnlyOnce() throws IOException {
        ObjectNode conflist = (ObjectNode) JSON.readTree(Files.readString(PROJECT_CONFLIST));
        ObjectNode once = CniConfig.forNode(conflist, "10.244.1.0/24", DATA_DIR);
        ObjectNode twice = CniConfig.forNode(once, "10.244.1.0/24", DATA_DIR);
        assertEquals("[[{\"subnet\":\"10.244.1.0/24\"}]]", twice.at("/plugins/0/ipam/ranges").toString());
        assertEquals("host-local", twice.at("/plugins/0/ipam/type").asString());
        assertEquals(DATA_DIR.toString(), twice.at("/plugins/0/ipam/dataDir").asString());
        assertEquals("portmap", twice.at("/plugins/1/type").asString());
        assertEquals("", conflist.at("/plugins/0/ipam/ranges").asString(""), "the input is left alone");
    }

    @Test
    void legacySubnetBecomesTheFirstRange() {
        ObjectNode conflist = (ObjectNode) JSON.readTree("""
                {"plugins": [{"type": "bridge", "ipam": {"type": "host-local", "subnet": "10.244.9.0/24"}}]}""");
        ObjectNode config = CniConfig.forNode(conflist, "10.244.1.0/24", DATA_DIR);
        assertEquals("[[{\"subnet\":\"10.244.9.0/24\"}],[{\"subnet\":\"10.244.1.0/24\"}]]",
                config.at("/plugins/0/ipam/ranges").toString());
        assertEquals(true, config.at("/plugins/0/ipam/subnet").isMissingNode());
    }

    @Test
    void aListWithoutBridgeIsRefused() {
        ObjectNode conflist = (ObjectNode) JSON.readTree("{\"plugins\": [{\"type\": \"ptp\"}]}");
        assertThrows(IllegalArgumentException.class, () -> CniConfig.forNode(conflist, "10.244.1.0/24", DATA_DIR));
    }
}
