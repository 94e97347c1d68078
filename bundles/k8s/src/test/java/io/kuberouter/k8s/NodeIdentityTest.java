package io.kuberouter.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeIdentityTest {

    @Test
    void overrideThenEnvironmentThenHostname() {
        assertEquals("a", NodeIdentity.resolve("a", Map.of("NODE_NAME", "b")::get, () -> "c"));
        assertEquals("b", NodeIdentity.resolve("", Map.of("NODE_NAME", "b")::get, () -> "c"));
        assertEquals("c", NodeIdentity.resolve(" ", Map.<String, String>of()::get, () -> "c\n"));
    }

    @Test
    void noNameAtAllFailsClearly() {
        var e = assertThrows(IllegalStateException.class,
                () -> NodeIdentity.resolve("", Map.<String, String>of()::get, () -> null));
        assertEquals("cannot determine the node name: set --hostname-override or NODE_NAME", e.getMessage());
    }
}
