package io.kuberouter.launcher.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code --cleanup-config} reads a capability's failed removal from the RemovalReport service property. */
class RemovalFailuresTest {

    @Test
    void onlyTheNamedCapabilitysEntriesCount() {
        String[] property = {"firewall: chains, jumps and ipsets: iptables-restore: Device or resource busy",
            "proxy-other: x"};
        assertEquals(List.of("chains, jumps and ipsets: iptables-restore: Device or resource busy"),
                AgentRuntime.failuresOf("firewall", property));
        assertEquals(List.of(), AgentRuntime.failuresOf("proxy", property));
    }

    @Test
    void anEmptyOrMissingPropertyMeansEveryRemovalSucceeded() {
        assertEquals(List.of(), AgentRuntime.failuresOf("firewall", new String[0]));
        assertEquals(List.of(), AgentRuntime.failuresOf("firewall", null));
    }
}
