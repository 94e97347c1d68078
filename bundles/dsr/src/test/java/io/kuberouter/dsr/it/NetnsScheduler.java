package io.kuberouter.dsr.it;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.netlink.socket.NamespaceFile;
import io.kuberouter.reconcile.RunnerScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A runner scheduler whose one thread enters a test node's network namespace when it starts ({@code setns(2)},
 * which moves only the calling thread), so a controller syncs that node exactly as the agent's runner thread
 * syncs the host, at the same cost.
 */
final class NetnsScheduler implements RunnerScheduler {

    /** {@code CLONE_NEWNET} from linux/sched.h. */
    private static final int CLONE_NEWNET = 0x40000000;

    /** The one libc call needed here. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setns(int fd, int nstype);
    }

    private final ScheduledThreadPoolExecutor executor;

    NetnsScheduler(NetnsRef ns, String name) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(() -> {
                enter(ns);
                task.run();
            }, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Task schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public boolean shutdown(Duration timeout) {
        executor.shutdown();
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void enter(NetnsRef ns) {
        try (NamespaceFile file = NamespaceFile.open(ns)) {
            if (LibC.INSTANCE.setns(file.fd(), CLONE_NEWNET) != 0) {
                throw new IllegalStateException("setns into " + ns + " failed, errno " + Native.getLastError());
            }
        } catch (KernelException e) {
            throw new IllegalStateException("cannot open " + ns, e);
        }
    }
}
