package io.kuberouter.kernel.api.netns;

import io.kuberouter.kernel.api.KernelException;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs operations inside another network namespace.
 *
 * <p>The operation runs on a thread whose network namespace is {@code ns} (implementations use a
 * dedicated thread and {@code setns(2)}; the caller's own thread never changes namespace). Every kernel
 * SPI call made by the operation, every socket it opens and every process it starts acts on {@code ns}.
 * The call blocks until the operation returns.
 */
@ProviderType
public interface Netns {

    /**
     * Runs {@code operation} inside {@code ns} and returns its result.
     *
     * @throws KernelException {@code setns} failed (e.g. ENOENT for a missing namespace), or the
     *         operation threw a {@code KernelException} (rethrown unchanged) or another checked
     *         exception (wrapped, with operation {@code "netns <ns>"})
     * @throws RuntimeException thrown by the operation, rethrown unchanged
     */
    <T> T call(NetnsRef ns, Callable<T> operation) throws KernelException;

    /** True iff the namespace file exists and is a network namespace. */
    boolean exists(NetnsRef ns);
}
