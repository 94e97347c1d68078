package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/lab} as users run it: a run held up is torn down completely by SIGTERM (what Ctrl-C also triggers), and
 * what a SIGKILLed run left (namespaces, orphaned agents and servers, run directory) is removed by
 * {@code lab down --all}.
 */
class LabTeardownIT {
    private static final Path HOME = LabOptions.defaults().distribution();
    private static final Path WORK_DIR = LabOptions.defaults().workDir();
    private static final Pattern HOLDING = Pattern.compile("lab: holding run (\\S+) ");

    @Test
    void sigtermTearsDownAHeldRun() throws Exception {
        Process lab = startHeld("--no-agents");
        String id = awaitHolding(lab);
        assertEquals(7, HostState.namespaces(RunRecord.PREFIX + id).size());
        lab.destroy();
        assertTrue(lab.waitFor(30, TimeUnit.SECONDS));
        assertNothingLeft(id);
    }

    @Test
    void downAllRemovesWhatAKilledRunLeft() throws Exception {
        Process lab = startHeld();
        String id = awaitHolding(lab);
        lab.destroyForcibly().waitFor();
        RunRecord run = RunRecord.existing(id, WORK_DIR);
        assertEquals(7, run.liveProcesses().size(), "4 pod servers, the API, 2 agents orphaned");
        assertEquals(7, HostState.namespaces(RunRecord.PREFIX + id).size());
        Process down = new ProcessBuilder(HOME.resolve("bin/lab").toString(), "down", "--all").inheritIO().start();
        assertEquals(0, down.waitFor());
        assertNothingLeft(id);
    }

    private static Process startHeld(String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/lab").toString(), "run",
                HOME.resolve("lab/scenarios/two-nodes").toString(), "--static-routes", "--hold"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the lab's stderr (echoing it) until it holds; returns the run id. */
    private static String awaitHolding(Process lab) throws IOException {
        BufferedReader stderr = new BufferedReader(new InputStreamReader(lab.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
            System.out.println(line);
            Matcher holding = HOLDING.matcher(line);
            if (holding.lookingAt()) {
                return holding.group(1);
            }
        }
        throw new AssertionError("the lab ended without holding, exit " + lab.onExit().join().exitValue());
    }

    private static void assertNothingLeft(String id) throws IOException {
        RunRecord run = RunRecord.existing(id, WORK_DIR);
        assertEquals(Set.of(), HostState.namespaces(RunRecord.PREFIX + id), "namespaces left");
        assertEquals(List.of(), run.liveProcesses(), "processes left");
        assertEquals(List.of(), HostState.processesMentioning(run.dir().toString()), "processes of the run left");
        assertFalse(Files.exists(run.dir()), "run directory left");
    }
}
