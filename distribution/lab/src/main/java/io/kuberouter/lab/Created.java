package io.kuberouter.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one run created: network namespaces and processes, each recorded before it is created or as soon as it has
 * started, so a failure half-way leaves nothing unrecorded. {@link #removeAll()} ends the processes, then deletes the
 * namespaces in reverse order (deleting a namespace deletes its links, veth peers in other namespaces included).
 * After it, creating more is refused: a teardown that runs while the lab is still coming up (Ctrl-C) wins.
 */
final class Created {
    /** How long a process gets between SIGTERM and SIGKILL. */
    static final long GRACE_MILLIS = 5000;

    private final RunRecord run;
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private boolean removed;

    Created(RunRecord run) {
        this.run = run;
    }

    /** Creates namespace {@code krlab-<run>-<suffix>} with {@code lo} up; returns its name. */
    synchronized String netns(String suffix) {
        refuseAfterRemoval();
        String name = run.netnsPrefix() + suffix;
        namespaces.add(name);
        Shell.exec("ip", "netns", "add", name);
        Shell.exec("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** Records a started process (in memory and in the run's pid file); returns it. */
    synchronized Process process(Process process) {
        if (removed) {
            process.destroyForcibly();
        }
        refuseAfterRemoval();
        processes.add(process);
        run.recordProcess(process.toHandle());
        return process;
    }

    /** Ends every recorded process (TERM, KILL after a grace period), then deletes every namespace. Never throws. */
    synchronized void removeAll() {
        removed = true;
        processes.forEach(Process::destroy);
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        for (Process process : processes) {
            awaitOrKill(process.toHandle(), deadline - System.currentTimeMillis());
        }
        processes.clear();
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            Shell.run(List.of("ip", "netns", "delete", namespaces.get(i)), Map.of(), "");
        }
        namespaces.clear();
    }

    private void refuseAfterRemoval() {
        if (removed) {
            throw new IllegalStateException("the lab is being torn down");
        }
    }

    /** Waits up to {@code millis} for {@code process} to end, then kills it (and waits a grace period more). */
    static void awaitOrKill(ProcessHandle process, long millis) {
        try {
            process.onExit().get(Math.max(millis, 0), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().completeOnTimeout(process, GRACE_MILLIS, TimeUnit.MILLISECONDS).join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
