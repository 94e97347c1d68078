package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.Netns;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.util.concurrent.Callable;

/**
 * Fake {@link Netns}: runs the operation on the calling thread with the fake kernel's notion of the
 * current namespace switched to {@code ns} (restored afterwards, also for nested calls). Operation
 * name {@code setns}; a missing namespace fails with ENOENT.
 */
public final class FakeNetns implements Netns {

    private final FakeKernel kernel;

    FakeNetns(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public <T> T call(NetnsRef ns, Callable<T> operation) throws KernelException {
        synchronized (kernel) {
            kernel.enter("setns", ns.toString());
            kernel.state(ns, "setns");
        }
        NetnsRef previous = kernel.current();
        kernel.switchTo(ns);
        try {
            return operation.call();
        } catch (KernelException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new KernelException("netns " + ns, "", 0, String.valueOf(e.getMessage()), e);
        } finally {
            kernel.switchTo(previous);
        }
    }

    @Override
    public boolean exists(NetnsRef ns) {
        synchronized (kernel) {
            return kernel.exists(ns);
        }
    }
}
