package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {

    @Test
    void namesCarryTheRunIdWhoseOwnerIsThisJvm(@TempDir Path workDir) throws IOException {
        RunRecord run = RunRecord.create(workDir);
        assertTrue(run.id().startsWith(ProcessHandle.current().pid() + "-"));
        assertEquals(workDir.resolve("krlab-" + run.id()), run.dir());
        assertEquals(Optional.of(run.id()), RunRecord.idOf(run.netnsPrefix() + "node-n1"));
        assertEquals(Optional.of(run.id()), RunRecord.idOf(run.dir().getFileName().toString()));
        assertFalse(RunRecord.ownerIsDead(run.id()));
        run.deleteDir();
        assertFalse(Files.exists(run.dir()));
    }

    @Test
    void otherNamesAreNotRuns() {
        for (String name : List.of("krt-12-ab", "krlab-x", "krlab-12-abcde-node", "krlab-12-ABCD", "other")) {
            assertEquals(Optional.empty(), RunRecord.idOf(name), name);
        }
        assertTrue(RunRecord.ownerIsDead(Long.MAX_VALUE + "-abcd"));
    }

    @Test
    void recordedProcessesAreFoundWhileTheyLive(@TempDir Path workDir) throws Exception {
        RunRecord run = RunRecord.create(workDir);
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            run.recordProcess(sleeper.toHandle());
            RunRecord reread = RunRecord.existing(run.id(), workDir);
            assertEquals(List.of(sleeper.pid()), reread.liveProcesses().stream().map(ProcessHandle::pid).toList());
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertEquals(List.of(), run.liveProcesses());
    }
}
