package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void runWithEveryOption() {
        CliArguments cli = CliArguments.parse(List.of("run", "/s/two", "--static-routes", "--no-agents",
                "--agent-arg=--run-firewall=false", "--agent-arg=-v=2", "--json=/out/m.json", "--uml"));
        assertEquals(new CliArguments("run", Path.of("/s/two"), true, false, List.of("--run-firewall=false", "-v=2"),
                true, false, Path.of("/out/m.json")), cli);
        assertEquals(List.of("run", "/s/two", "--static-routes", "--no-agents", "--agent-arg=--run-firewall=false",
                "--agent-arg=-v=2", "--json=/out/m.json"), cli.guestArgs());
    }

    @Test
    void runDefaults() {
        CliArguments cli = CliArguments.parse(List.of("run", "s"));
        assertEquals(Path.of("s").toAbsolutePath(), cli.scenario());
        assertTrue(cli.agents());
        assertFalse(cli.staticRoutes() || cli.uml() || cli.hold());
    }

    @Test
    void downAll() {
        assertEquals("down", CliArguments.parse(List.of("down", "--all")).command());
    }

    @Test
    void malformedCommandLinesAreRefused() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("down"), List.of("run"),
                List.of("run", "s", "--bogus"), List.of("run", "s", "--uml", "--hold"))) {
            assertThrows(IllegalArgumentException.class, () -> CliArguments.parse(args), args.toString());
        }
    }
}
