package io.kuberouter.dsr.it;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.impl.SetnsNetns;
import java.util.concurrent.Callable;

/** Runs code inside a test namespace through the {@code Netns} service (setns on a fresh thread). */
final class Inside {

    /** Code that may throw, run for its effect. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private static final SetnsNetns NETNS = new SetnsNetns();

    private Inside() {
    }

    static NetnsRef ref(Netns ns) {
        return NetnsRef.named(ns.name());
    }

    static <T> T call(Netns ns, Callable<T> operation) throws KernelException {
        return NETNS.call(ref(ns), operation);
    }

    static void run(Netns ns, Action action) throws KernelException {
        NETNS.call(ref(ns), () -> {
            action.run();
            return null;
        });
    }
}
