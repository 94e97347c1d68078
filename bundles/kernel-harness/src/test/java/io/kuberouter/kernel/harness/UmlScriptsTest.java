package io.kuberouter.kernel.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UmlScriptsTest {

    @Test
    void bothScriptsLandNextToEachOther(@TempDir Path dir) throws IOException {
        Path runner = UmlScripts.extract(dir);
        assertEquals(dir.resolve("uml-run.sh"), runner);
        assertTrue(Files.readString(runner).startsWith("#!/bin/bash"));
        assertTrue(Files.readString(dir.resolve("guest-init.sh")).contains("HARNESS_DIR"));
    }
}
