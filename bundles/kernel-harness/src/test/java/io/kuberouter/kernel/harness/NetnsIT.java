package io.kuberouter.kernel.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Host kernel only: veth between two namespaces created by the Netns helper. */
@ExtendWith(NetnsExtension.class)
class NetnsIT {
    private static final String SERVER_IP = "10.213.0.2";

    @Test
    void vethPairCarriesTcpBetweenNamespaces(Netns client, Netns server) throws Exception {
        client.veth("eth0", server, "eth0");
        client.ip("addr", "add", "10.213.0.1/30", "dev", "eth0");
        server.ip("addr", "add", SERVER_IP + "/30", "dev", "eth0");
        assertTrue(server.ip("-br", "addr", "show", "dev", "eth0").contains(SERVER_IP + "/30"));

        server.start(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", testClasses(),
                EchoServer.class.getName(), SERVER_IP, "7777");
        assertEquals("echo hello", askUntilAnswered(client, "exec 3<>/dev/tcp/" + SERVER_IP + "/7777"
                + " && echo hello >&3 && head -n1 <&3"));
    }

    @Test
    void closeDeletesTheNamespace() {
        String name;
        try (Netns ns = Netns.create()) {
            name = ns.name();
            assertTrue(name.matches("krt-" + ProcessHandle.current().pid() + "-[0-9a-f]+"), name);
            assertTrue(Netns.listNames().anyMatch(name::equals));
        }
        assertFalse(Netns.listNames().anyMatch(name::equals));
    }

    @Test
    void removeStaleDeletesOnlyNamespacesOfDeadProcesses() {
        String stale = Netns.PREFIX + "2147483647-dead";   // above any pid_max: that process cannot exist
        Command.run("ip", "netns", "add", stale).orThrow();
        try (Netns live = Netns.create()) {
            assertTrue(Netns.removeStale() >= 1);
            assertFalse(Netns.listNames().anyMatch(stale::equals));
            assertTrue(Netns.listNames().anyMatch(live.name()::equals));
        } finally {
            Command.run("ip", "netns", "delete", stale);
        }
    }

    private static String testClasses() throws URISyntaxException {
        return Path.of(EchoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The server JVM needs a moment to listen: retry the client for up to 20 s. */
    private static String askUntilAnswered(Netns client, String script) throws InterruptedException {
        Command.Result last = null;
        for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
            last = client.run("bash", "-c", script);
            if (last.ok()) {
                return last.output().strip();
            }
        }
        throw new AssertionError("no answer from the server namespace: " + last);
    }
}
