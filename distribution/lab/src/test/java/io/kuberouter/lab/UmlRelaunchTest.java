package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UmlRelaunchTest {
    private final CliArguments cli = CliArguments.parse(List.of("run", "/s/two", "--static-routes", "--uml",
            "--json=/out/m.json"));
    private final List<String> command = UmlRelaunch.command(Path.of("/t/uml-run.sh"), cli, Path.of("/d/kr"));
    private final int separator = command.indexOf("--");

    @Test
    void onlyTheJsonDirectoryIsWritableAndTheInputsAreReadable() {
        List<String> harness = command.subList(0, separator);
        assertEquals(List.of("bash", "/t/uml-run.sh", "-m", "2G", "-t", "900"), harness.subList(0, 6));
        assertEquals("/out", harness.get(harness.indexOf("-w") + 1));
        assertEquals(harness.indexOf("-w"), harness.lastIndexOf("-w"));
        for (String readable : List.of("/s/two", "/d/kr", System.getProperty("java.home"))) {
            assertEquals("-r", harness.get(harness.indexOf(readable) - 1), readable);
        }
    }

    @Test
    void theGuestRunsTheSameLabCommandWithoutUml() {
        List<String> guest = command.subList(separator + 1, command.size());
        assertTrue(guest.contains("-Dkuberouter.home=/d/kr"));
        assertEquals(List.of(LabMain.class.getName(), "run", "/s/two", "--static-routes", "--json=/out/m.json"),
                guest.subList(guest.indexOf(LabMain.class.getName()), guest.size()));
    }
}
