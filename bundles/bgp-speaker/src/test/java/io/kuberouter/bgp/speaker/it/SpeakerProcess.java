package io.kuberouter.bgp.speaker.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.kernel.harness.Netns;

/**
 * Our speaker in a child JVM inside a namespace ({@link SpeakerMain}), driven line by line over
 * its stdin and stdout; its log goes to a lab file.
 */
final class SpeakerProcess implements AutoCloseable {

    private static final long ANSWER_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SpeakerProcess(Process process) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "speaker-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@link SpeakerMain} with {@code args} in {@code ns}; returns once it is ready. */
    static SpeakerProcess start(Lab lab, Netns ns, String logName, String... args) {
        return start(lab, ns, logName, List.of("-Xmx256m"), args);
    }

    /** Starts {@link SpeakerMain} in a JVM with {@code jvmOptions}. */
    static SpeakerProcess start(Lab lab, Netns ns, String logName, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", System.getProperty("java.class.path"), SpeakerMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = lab.processBuilder(ns, command.toArray(String[]::new))
                .redirectError(ProcessBuilder.Redirect.appendTo(lab.path(logName).toFile()));
        SpeakerProcess speaker = new SpeakerProcess(lab.start(builder));
        for (String line = speaker.next(); !line.equals("ready"); line = speaker.next()) {
            if (line.startsWith("! ")) {
                throw new AssertionError("speaker did not start: " + line + "; see " + lab.path(logName));
            }
        }
        return speaker;
    }

    /** Runs one command; returns its result lines. */
    List<String> run(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> result = new ArrayList<>();
        for (String line = next(); !line.equals("."); line = next()) {
            if (line.startsWith("! ")) {
                throw new AssertionError(command + ": " + line.substring(2));
            }
            result.add(line);
        }
        return result;
    }

    /** The result line of {@code rib FAMILY} for {@code prefix}, or null. */
    String route(String family, String prefix) {
        String wanted = IpPrefix.parse(prefix) + " ";
        return run("rib " + family).stream().filter(line -> line.startsWith(wanted)).findFirst().orElse(null);
    }

    /** True when the peer {@code address} is Established. */
    boolean established(String address) {
        String wanted = SpeakerMain.address(address).getHostAddress() + " ESTABLISHED";
        return run("peers").stream().anyMatch(line -> line.startsWith(wanted));
    }

    long pid() {
        return process.pid();
    }

    /** Kills the JVM without a goodbye, as a crash would (SIGKILL). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                commands.write("quit\n");
                commands.flush();
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String next() {
        try {
            String line = lines.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("speaker gave no answer within " + ANSWER_TIMEOUT_SECONDS + " s");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("! speaker output: " + e);
        }
        lines.add("! speaker exited");
    }
}
