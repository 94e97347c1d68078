package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.Netns;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.netlink.socket.NamespaceFile;
import io.kuberouter.kernel.netlink.socket.NetnsThread;
import java.util.concurrent.Callable;
import org.osgi.service.component.annotations.Component;

/** {@link Netns} with {@code setns(2)} on a dedicated thread per call. */
@Component(service = Netns.class)
public final class SetnsNetns implements Netns {

    @Override
    public <T> T call(NetnsRef ns, Callable<T> operation) throws KernelException {
        return NetnsThread.call(ns, operation);
    }

    @Override
    public boolean exists(NetnsRef ns) {
        return NamespaceFile.exists(ns);
    }
}
