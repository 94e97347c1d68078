package io.kuberouter.kernel.netlink.socket;

import com.sun.jna.LastErrorException;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;

/**
 * An open network namespace file ({@code /run/netns/NAME}, {@code /proc/PID/ns/net}): its fd names
 * the namespace in {@code setns(2)}, {@code IFLA_NET_NS_FD} and friends. Close it when done.
 */
public final class NamespaceFile implements AutoCloseable {

    private final NetnsRef ns;
    private final int fd;

    private NamespaceFile(NetnsRef ns, int fd) {
        this.ns = ns;
        this.fd = fd;
    }

    /**
     * Opens the namespace file and checks that it is a network namespace.
     *
     * @throws KernelException operation {@code open}: ENOENT if missing, EINVAL if it is no network namespace
     */
    public static NamespaceFile open(NetnsRef ns) throws KernelException {
        int fd;
        try {
            fd = LibC.open(ns.path().toString(), LibC.O_RDONLY_CLOEXEC);
        } catch (LastErrorException e) {
            throw new KernelException("open", "netns " + ns, e.getErrorCode(), ns.path().toString());
        }
        NamespaceFile file = new NamespaceFile(ns, fd);
        if (!file.isNetworkNamespace()) {
            file.close();
            throw new KernelException("open", "netns " + ns, 22, ns.path() + " is not a network namespace");
        }
        return file;
    }

    /** True iff {@code ns} names an existing network namespace. */
    public static boolean exists(NetnsRef ns) {
        try {
            open(ns).close();
            return true;
        } catch (KernelException e) {
            return false;
        }
    }

    public int fd() {
        return fd;
    }

    /** Moves the calling thread into this namespace ({@code setns(fd, CLONE_NEWNET)}). */
    void enter() throws KernelException {
        try {
            LibC.setns(fd, LibC.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new KernelException("setns", "netns " + ns, e.getErrorCode(), "");
        }
    }

    /** {@code ioctl(NS_GET_NSTYPE)} (Linux 4.11+) answers the namespace type of an nsfs file. */
    private boolean isNetworkNamespace() {
        try {
            return LibC.ioctl(fd, LibC.NS_GET_NSTYPE) == LibC.CLONE_NEWNET;
        } catch (LastErrorException e) {
            return false;
        }
    }

    @Override
    public void close() {
        LibC.close(fd);
    }
}
