package io.kuberouter.lab;

import io.kuberouter.kernel.harness.UmlScripts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lab run --uml}: runs the same lab command, whole, inside one user-mode-linux guest (all node namespaces in
 * the same guest kernel, which has IPVS, ipip, dummy and SCTP), with the kernel harness's {@code uml-run.sh}. The
 * guest sees the host's files read-only: this JVM's class path, the JDK, the scenario and the distribution are made
 * visible, only the directory of {@code --json} is writable. Its output streams to ours; its exit code is ours
 * (124: the guest timed out, 125: it did not boot).
 */
final class UmlRelaunch {
    private static final String MEMORY = "2G";
    private static final int TIMEOUT_SECONDS = 900;

    private UmlRelaunch() {
    }

    /** Runs the lab inside a guest; the scripts live in a run directory of their own (removed by down --all). */
    static int run(CliArguments cli, LabOptions options) throws IOException, InterruptedException {
        RunRecord run = RunRecord.create(options.workDir());
        try {
            Path script = UmlScripts.extract(run.dir());
            ProcessBuilder builder = new ProcessBuilder(command(script, cli, options.distribution())).inheritIO();
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("UML_RUN_BASE", run.dir().toString());
            Process process = builder.start();
            run.recordProcess(process.toHandle());
            return process.waitFor();
        } finally {
            run.deleteDir();
        }
    }

    static List<String> command(Path script, CliArguments cli, Path distribution) {
        String javaHome = System.getProperty("java.home");
        List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "-m", MEMORY, "-t",
                Integer.toString(TIMEOUT_SECONDS), "-r", javaHome, "-r", cli.scenario().toString(),
                "-r", distribution.toAbsolutePath().toString()));
        classPath.forEach(entry -> command.addAll(List.of("-r", Path.of(entry).toAbsolutePath().toString())));
        if (cli.json() != null) {
            command.addAll(List.of("-w", cli.json().getParent().toString()));
        }
        command.addAll(List.of("--", Path.of(javaHome, "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-Djava.io.tmpdir=/tmp",
                "-D" + LabOptions.HOME_PROPERTY + "=" + distribution.toAbsolutePath(),
                "-cp", String.join(File.pathSeparator, classPath), LabMain.class.getName()));
        command.addAll(cli.guestArgs());
        return command;
    }
}
