package io.kuberouter.router.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniConfTest {

    @Test
    void projectConflistGetsThePodCidrAndKeepsEverythingElse() throws IOException {
        String conflist = Files.readString(Path.of("../../cni/10-kuberouter.conflist"));

        String updated = CniConf.withPodCidrs(conflist, List.of("10.244.1.0/24")).orElseThrow();

        assertTrue(updated.contains("\"subnet\" : \"10.244.1.0/24\""), updated);
        assertTrue(updated.contains("kube-bridge") && updated.contains("portmap"), updated);
        assertEquals(Optional.empty(), CniConf.withPodCidrs(updated, List.of("10.244.1.0/24")),
                "a second write changes nothing");
    }

    @Test
    void legacySubnetIsFoldedIntoRanges() {
        String conf = """
                {"cniVersion":"0.3.0","name":"mynet","type":"bridge","bridge":"kube-bridge",
                 "ipam":{"type":"host-local","subnet":"10.244.1.0/24"}}""";

        String updated = CniConf.withPodCidrs(conf, List.of("10.244.1.0/24", "fd00:1::/64")).orElseThrow();

        assertTrue(!updated.contains("\"subnet\" : \"10.244.1.0/24\",") && updated.contains("ranges"), updated);
        assertEquals(2, updated.split("\"subnet\"").length - 1, updated);
    }

    @Test
    void noBridgePluginIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CniConf.withPodCidrs(
                "{\"plugins\":[{\"type\":\"portmap\"}]}", List.of("10.244.1.0/24")));
    }

    @Test
    void fileIsRewrittenWith0644(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("10-kuberouter.conflist");
        Files.copy(Path.of("../../cni/10-kuberouter.conflist"), file);

        CniConfFile conf = new CniConfFile(file);

        assertTrue(conf.write(List.of("10.244.7.0/24")));
        assertTrue(Files.readString(file).contains("10.244.7.0/24"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(!conf.write(List.of("10.244.7.0/24")));
        assertTrue(conf.remove(List.of("10.244.7.0/24")));
        assertEquals(Optional.empty(), CniConf.withoutPodCidrs(Files.readString(file), List.of("10.244.7.0/24")));
        assertTrue(!Files.readString(file).contains("10.244.7.0/24") && Files.readString(file).contains("portmap"));
    }
}
