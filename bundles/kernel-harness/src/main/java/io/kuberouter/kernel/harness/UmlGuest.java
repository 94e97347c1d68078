package io.kuberouter.kernel.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one JUnit test class inside a user-mode-linux guest, using the test JVM's own class path and JDK, and
 * collects its XML report. Everything it creates lives in one host temp dir, deleted before it returns; the
 * guest can write nowhere else. Guest output is echoed to System.out prefixed {@code [uml] }.
 */
final class UmlGuest {
    /** System property set to {@code true} in the guest JVM. */
    static final String GUEST_PROPERTY = "kernel.harness.guest";
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp", "-D" + GUEST_PROPERTY + "=true");
    /** Time beyond the guest's own limit before the host kills uml-run.sh (which then kills the guest). */
    private static final long GRACE_SECONDS = 60;

    private UmlGuest() {
    }

    /** Runs {@code testClass} (with its nested classes) in a guest of {@code memory} limited to {@code timeoutSeconds}. */
    static GuestResults run(Class<?> testClass, int timeoutSeconds, String memory) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("krt-uml-");
        try {
            Path script = UmlScripts.extract(dir);
            Path reports = Files.createDirectory(dir.resolve("reports"));
            List<String> command = command(script, reports, testClass, timeoutSeconds, memory);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("UML_RUN_BASE", dir.toString());
            Process process = builder.start();
            GuestOutput output = GuestOutput.start(process.getInputStream(), System.out, "[uml] ");
            int exitCode = await(process, timeoutSeconds + GRACE_SECONDS);
            String tail = output.tail(TimeUnit.SECONDS.toMillis(10));
            return new GuestResults(GuestReport.read(reports), exitCode, tail);
        } finally {
            deleteTree(dir);
        }
    }

    static List<String> command(Path script, Path reports, Class<?> testClass, int timeoutSeconds, String memory) {
        List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "-m", memory,
                "-t", Integer.toString(timeoutSeconds), "-w", reports.toString(), "-r", System.getProperty("java.home")));
        classPath.forEach(entry -> command.addAll(List.of("-r", Path.of(entry).toAbsolutePath().normalize().toString())));
        command.add("--");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath),
                "org.junit.platform.console.ConsoleLauncher", "execute", "--select-class", testClass.getName(),
                "--reports-dir", reports.toString(), "--disable-banner", "--disable-ansi-colors", "--details=tree"));
        return command;
    }

    /** Exit code of uml-run.sh; if it outlives its own timeout by the grace period it is ended (124). */
    private static int await(Process process, long seconds) throws InterruptedException {
        try {
            if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
            System.out.println("[uml] host: uml-run.sh did not end in time, terminating it (it kills the guest)");
            return 124;
        } finally {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
