package io.kuberouter.kernel.netlink.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc calls netlink needs, bound with JNA direct mapping (a JNI-speed call per syscall). Every
 * failing call throws {@link LastErrorException} carrying {@code errno}. Only LP64 Linux is supported
 * ({@code ssize_t}/{@code size_t} are Java {@code long}), which is what the JNA bundle ships natives for.
 */
final class LibC {

    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;

    /** {@code O_RDONLY | O_CLOEXEC} from asm-generic/fcntl.h. */
    static final int O_RDONLY_CLOEXEC = 0x80000;
    /** {@code CLONE_NEWNET} from linux/sched.h: the namespace type {@code setns(2)} must find. */
    static final int CLONE_NEWNET = 0x40000000;
    /** {@code NS_GET_NSTYPE} = {@code _IO(0xb7, 0x3)} from linux/nsfs.h. */
    static final long NS_GET_NSTYPE = 0xb703;

    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EMSGSIZE = 90;
    static final int ENOBUFS = 105;

    static {
        if (!Platform.isLinux() || Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
            throw new UnsupportedOperationException("netlink needs 64-bit Linux, found " + System.getProperty("os.name")
                    + " with " + Native.POINTER_SIZE + "-byte pointers");
        }
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME, LibC.class.getClassLoader()));
    }

    private LibC() {
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, Pointer address, int addressLength) throws LastErrorException;

    static native int getsockname(int fd, Pointer address, Pointer addressLength) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, Pointer value, int valueLength) throws LastErrorException;

    static native int getsockopt(int fd, int level, int name, Pointer value, Pointer valueLength)
            throws LastErrorException;

    static native long sendmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

    static native long recvmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

    static native int open(String path, int flags) throws LastErrorException;

    static native int setns(int fd, int nstype) throws LastErrorException;

    static native int ioctl(int fd, long request) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
