package io.kuberouter.webconsole;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code kr:jfr}, the JVM's answer to kube-router's {@code --enable-pprof}: a JDK Flight Recorder
 * recording with the JDK's {@code default} settings (low overhead, meant for production), kept on
 * disk for at most {@link #MAX_AGE}.
 * <ul>
 *   <li>{@code kr:jfr start} starts the recording;</li>
 *   <li>{@code kr:jfr dump FILE} writes what it has recorded so far to FILE (a relative FILE is
 *       resolved against the agent's working directory) and keeps recording;</li>
 *   <li>{@code kr:jfr stop} stops and discards it;</li>
 *   <li>{@code kr:jfr} tells whether one is running.</li>
 * </ul>
 * The component is immediate so the recording outlives each command (the shell releases the
 * service after every call); the recording stops with this bundle.
 */
@Component(service = FlightRecorderCommands.class, immediate = true, property = {
        "osgi.command.scope=kr",
        "osgi.command.function=jfr"})
public class FlightRecorderCommands {

    static final Duration MAX_AGE = Duration.ofHours(1);
    private static final String USAGE = "usage: kr:jfr [start | dump FILE | stop]";

    private Recording recording;

    public synchronized String jfr() {
        return recording == null ? "no recording" : "recording since " + recording.getStartTime();
    }

    public synchronized String jfr(String action) throws IOException, ParseException {
        switch (action) {
            case "start" -> {
                if (recording != null) {
                    return "already recording since " + recording.getStartTime();
                }
                recording = new Recording(Configuration.getConfiguration("default"));
                recording.setName("kube-router");
                recording.setToDisk(true);
                recording.setMaxAge(MAX_AGE);
                recording.start();
                return "recording started (JFR default settings, last " + MAX_AGE.toHours() + " h kept)";
            }
            case "stop" -> {
                close();
                return "recording stopped";
            }
            default -> throw new IllegalArgumentException(USAGE);
        }
    }

    public synchronized String jfr(String action, String file) throws IOException {
        if (!"dump".equals(action)) {
            throw new IllegalArgumentException(USAGE);
        }
        if (recording == null) {
            throw new IllegalStateException("no recording; kr:jfr start first");
        }
        Path target = Path.of(file).toAbsolutePath();
        recording.dump(target);
        return "dumped to " + target;
    }

    @Deactivate
    synchronized void close() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
    }
}
