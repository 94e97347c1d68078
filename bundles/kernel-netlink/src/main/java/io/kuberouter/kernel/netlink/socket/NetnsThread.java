package io.kuberouter.kernel.netlink.socket;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs an operation on a fresh thread that first enters a network namespace with {@code setns(2)}.
 * The namespace is a per-thread property, so the caller's thread never changes namespace and no pooled
 * thread is left inside a foreign one: the thread ends with the operation.
 */
public final class NetnsThread {

    private NetnsThread() {
    }

    /**
     * Calls {@code operation} inside {@code ns} and returns its result.
     *
     * @throws KernelException entering failed, or the operation threw one (rethrown unchanged) or
     *         another checked exception (wrapped, operation {@code netns <ns>}); EINTR if the caller was
     *         interrupted while waiting (the operation's thread is interrupted too)
     */
    public static <T> T call(NetnsRef ns, Callable<T> operation) throws KernelException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> run(ns, operation, result), "netns-" + ns);
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new KernelException("netns " + ns, "", Errno.EINTR.number(), "interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(ns, e.getCause());
        }
    }

    private static <T> void run(NetnsRef ns, Callable<T> operation, CompletableFuture<T> result) {
        try (NamespaceFile file = NamespaceFile.open(ns)) {
            file.enter();
        } catch (KernelException e) {
            result.completeExceptionally(e);
            return;
        }
        try {
            result.complete(operation.call());
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    private static KernelException unwrap(NetnsRef ns, Throwable cause) {
        if (cause instanceof KernelException k) {
            return k;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new KernelException("netns " + ns, "", 0, String.valueOf(cause), cause);
    }
}
