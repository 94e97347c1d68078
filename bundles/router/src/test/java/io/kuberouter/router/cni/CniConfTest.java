package io.kuberouter.router.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniConfTest {

    @Test
    void projectConflistGetsThePodCidrAndKeepsEverythingElse() throws IOException {
        String conflist = Files.readString(Path.of("../../cni/10-kuberouter.conflist"));

        CniConf.Edit edit = CniConf.withPodCidrs(conflist, List.of("10.244.1.0/24"), OptionalInt.empty())
                .orElseThrow();

        String updated = edit.text();
        assertTrue(updated.contains("\"subnet\" : \"10.244.1.0/24\""), updated);
        assertTrue(updated.contains("kube-bridge") && updated.contains("portmap"), updated);
        assertFalse(updated.contains("mtu"), updated);
        assertEquals(List.of("10.244.1.0/24"), edit.added());
        assertEquals(Optional.empty(), CniConf.withPodCidrs(updated, List.of("10.244.1.0/24"), OptionalInt.empty()),
                "a second write changes nothing");
    }

    @Test
    void legacySubnetIsFoldedIntoRanges() {
        String conf = """
                {"cniVersion":"0.3.0","name":"mynet","type":"bridge","bridge":"kube-bridge",
                 "ipam":{"type":"host-local","subnet":"10.244.1.0/24"}}""";

        CniConf.Edit edit = CniConf.withPodCidrs(conf, List.of("10.244.1.0/24", "fd00:1::/64"), OptionalInt.empty())
                .orElseThrow();

        String updated = edit.text();
        assertEquals(List.of("fd00:1::/64"), edit.added(), "the legacy subnet was there before: not the router's");
        assertTrue(!updated.contains("\"subnet\" : \"10.244.1.0/24\",") && updated.contains("ranges"), updated);
        assertEquals(2, updated.split("\"subnet\"").length - 1, updated);
    }

    @Test
    void noBridgePluginIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CniConf.withPodCidrs(
                "{\"plugins\":[{\"type\":\"portmap\"}]}", List.of("10.244.1.0/24"), OptionalInt.empty()));
    }

    @Test
    void autoMtuSetsTheBridgePluginsMtu() throws IOException {
        String conflist = Files.readString(Path.of("../../cni/10-kuberouter.conflist"));

        CniConf.Edit edit = CniConf.withPodCidrs(conflist, List.of(), OptionalInt.of(1450)).orElseThrow();

        assertTrue(edit.text().contains("\"mtu\" : 1450"), edit.text());
        assertEquals(List.of(), edit.added());
        assertEquals(Optional.empty(), CniConf.withPodCidrs(edit.text(), List.of(), OptionalInt.of(1450)));
        assertTrue(CniConf.withPodCidrs(edit.text(), List.of(), OptionalInt.of(9000)).orElseThrow().text()
                .contains("\"mtu\" : 9000"));
    }

    @Test
    void fileIsRewrittenWith0644AndOnlyTheInsertedRangesAreRecorded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("10-kuberouter.conflist");
        Files.writeString(file, CniConf.withPodCidrs(Files.readString(Path.of("../../cni/10-kuberouter.conflist")),
                List.of("10.244.9.0/24"), OptionalInt.empty()).orElseThrow().text());
        CniRangeRecord record = CniRangeRecord.inStateDir(dir.resolve("state"));
        CniConfFile conf = new CniConfFile(file, record);

        assertEquals(List.of("10.244.7.0/24"), conf.write(List.of("10.244.7.0/24", "10.244.9.0/24"),
                OptionalInt.of(1500)).orElseThrow().added());
        assertTrue(Files.readString(file).contains("10.244.7.0/24"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.empty(), conf.write(List.of("10.244.7.0/24"), OptionalInt.of(1500)));
        assertTrue(Files.readString(record.file()).contains(file.toString()), Files.readString(record.file()));

        CniRangeRecord.inStateDir(dir.resolve("state")).removeRecorded();

        String after = Files.readString(file);
        assertFalse(after.contains("10.244.7.0/24"), after);
        assertTrue(after.contains("10.244.9.0/24") && after.contains("portmap"), "a range not inserted by the "
                + "router stays:\n" + after);
        assertFalse(Files.exists(record.file()), "the record goes with the ranges");
    }

    @Test
    void aRecordOfAConfThatIsGoneIsDropped(@TempDir Path dir) throws IOException {
        CniRangeRecord record = CniRangeRecord.inStateDir(dir);
        record.add(dir.resolve("gone.conflist"), List.of("10.244.7.0/24"));

        record.removeRecorded();

        assertFalse(Files.exists(record.file()));
    }

    @Test
    void aConfThatCannotBeEditedKeepsItsRecord(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.conf"), "not json");
        CniRangeRecord record = CniRangeRecord.inStateDir(dir);
        record.add(file, List.of("10.244.7.0/24"));

        record.removeRecorded();

        assertTrue(Files.readString(record.file()).contains("10.244.7.0/24"));
    }
}
