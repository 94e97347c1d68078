package io.kuberouter.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small servers of the pods: {@code pod-server.py} in each pod's namespace, answering the pod's name on every
 * container port of the pod with that port's protocol (Debian's {@value #PYTHON}).
 */
final class PodServers {
    static final String PYTHON = "/usr/bin/python3";

    private PodServers() {
    }

    /** Starts a server in each pod, then waits until each has bound its ports. */
    static void start(List<LabPod> pods, Path script, Path logDir, Created created, Duration timeout) {
        List<Runnable> waits = new ArrayList<>();
        for (LabPod pod : pods) {
            List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), pod.name()));
            pod.ports().forEach(p -> command.add(p.protocol().toLowerCase(Locale.ROOT) + ":" + p.number()));
            Path log = logDir.resolve("pod-" + pod.namespace() + "-" + pod.name() + ".log");
            Process process = created.process(Shell.start(Shell.inNetns(pod.netns(), command), log));
            waits.add(() -> Readiness.await("server of pod " + pod.id(), process, log, timeout,
                    () -> Readiness.logHasLine(log, "ready")));
        }
        waits.forEach(Runnable::run);
    }
}
