package io.kuberouter.kernel.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class UmlGuestTest {
    private final List<String> command = UmlGuest.command(Path.of("/t/uml-run.sh"), Path.of("/t/reports"),
            GuestKernelIT.class, 90, "2G");
    private final int separator = command.indexOf("--");

    @Test
    void harnessGetsLimitsAndTheOnlyWritableDir() {
        assertEquals(List.of("bash", "/t/uml-run.sh", "-m", "2G", "-t", "90", "-w", "/t/reports"), command.subList(0, 8));
        assertEquals(1, Collections.frequency(command.subList(0, separator), "-w"));
    }

    @Test
    void everyClassPathEntryAndTheJdkAreMadeReadable() {
        List<String> readable = command.subList(0, separator);
        assertTrue(readable.contains(System.getProperty("java.home")));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            int at = readable.indexOf(Path.of(entry).toAbsolutePath().normalize().toString());
            assertTrue(at > 0 && readable.get(at - 1).equals("-r"), entry);
        }
    }

    @Test
    void guestRunsTheWholeClassWithTheSameClassPathAndFastJvmFlags() {
        List<String> guest = command.subList(separator + 1, command.size());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), guest.get(0));
        assertTrue(guest.containsAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-D" + UmlGuest.GUEST_PROPERTY + "=true")));
        assertEquals(System.getProperty("java.class.path"), guest.get(guest.indexOf("-cp") + 1));
        assertEquals(GuestKernelIT.class.getName(), guest.get(guest.indexOf("--select-class") + 1));
        assertEquals("/t/reports", guest.get(guest.indexOf("--reports-dir") + 1));
    }
}
