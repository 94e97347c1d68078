package io.kuberouter.kernel.netlink.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kuberouter.kernel.netlink.wire.Request;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An {@code AF_NETLINK} datagram socket and its native buffers: gathers many messages into one
 * {@code sendmsg(2)} (one {@code iovec} per message) and receives one datagram per {@code recvmsg(2)}.
 * {@code EINTR} is retried; other failures surface as {@link LastErrorException}. Not thread-safe.
 *
 * <p>Native layouts (LP64): {@code struct sockaddr_nl} = u16 family, u16 pad, u32 pid, u32 groups;
 * {@code struct iovec} = base, len; {@code struct msghdr} = name, namelen(+pad), iov, iovlen,
 * control, controllen, flags(+pad).
 */
final class NativeSocket implements AutoCloseable {

    /** {@code UIO_MAXIOV}: the kernel refuses more iovecs per {@code sendmsg}. */
    static final int MAX_IOVECS = 1024;

    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int IOVEC_SIZE = 16;
    private static final int MSGHDR_SIZE = 56;
    private static final int MSG_TRUNC = 0x20;

    private final int fd;
    private final Memory address = new Memory(SOCKADDR_NL_SIZE);
    private final Memory msghdr = new Memory(MSGHDR_SIZE);
    private final Memory iovecs = new Memory((long) MAX_IOVECS * IOVEC_SIZE);
    private final Memory receiveIovec = new Memory(IOVEC_SIZE);
    private final Memory receiveBuffer;
    private Memory sendBuffer = new Memory(64 * 1024);

    NativeSocket(int protocol, int receiveBufferSize) {
        this.fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol);
        this.receiveBuffer = new Memory(receiveBufferSize);
        receiveIovec.setPointer(0, receiveBuffer);
        receiveIovec.setLong(8, receiveBufferSize);
        address.clear();
        address.setShort(0, (short) LibC.AF_NETLINK);
    }

    /** Binds to a kernel-assigned port id and returns it. */
    int bind() {
        LibC.bind(fd, address, SOCKADDR_NL_SIZE);
        try (Memory length = new Memory(4)) {
            length.setInt(0, SOCKADDR_NL_SIZE);
            LibC.getsockname(fd, address, length);
        }
        int portId = address.getInt(4);
        address.setInt(4, 0);
        return portId;
    }

    void setInt(int level, int option, int value) {
        try (Memory v = new Memory(4)) {
            v.setInt(0, value);
            LibC.setsockopt(fd, level, option, v, 4);
        }
    }

    /** Sets an option the running kernel may lack, ignoring a refusal. */
    void trySetInt(int level, int option, int value) {
        try {
            setInt(level, option, value);
        } catch (LastErrorException e) {
            // older kernel: the caller documents what is lost without the option
        }
    }

    int getInt(int level, int option) {
        try (Memory v = new Memory(4); Memory length = new Memory(4)) {
            length.setInt(0, 4);
            LibC.getsockopt(fd, level, option, v, length);
            return v.getInt(0);
        }
    }

    /** Sets {@code SO_RCVTIMEO}: a receive with nothing queued fails with EAGAIN after this long. */
    void setReceiveTimeout(long millis) {
        try (Memory timeval = new Memory(16)) {
            timeval.setLong(0, millis / 1000);
            timeval.setLong(8, (millis % 1000) * 1000);
            LibC.setsockopt(fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVTIMEO, timeval, 16);
        }
    }

    /**
     * Tries the privileged {@code SO_*BUFFORCE} options first (above {@code net.core.[rw]mem_max}),
     * falling back to the capped ones without CAP_NET_ADMIN. The kernel doubles both values.
     */
    void growBuffers(int send, int receive) {
        try {
            setInt(SocketOptions.SOL_SOCKET, SocketOptions.SO_SNDBUFFORCE, send);
            setInt(SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUFFORCE, receive);
        } catch (LastErrorException e) {
            setInt(SocketOptions.SOL_SOCKET, SocketOptions.SO_SNDBUF, send);
            setInt(SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUF, receive);
        }
    }

    /**
     * Sends the requests in one datagram addressed to the kernel (port 0), one iovec each, numbering
     * them {@code firstSeq, firstSeq + 1, ...} and or-ing {@code addFlags} into their nlmsg_flags.
     */
    void send(List<Request> requests, int firstSeq, int addFlags) {
        if (requests.size() > MAX_IOVECS) {
            throw new IllegalArgumentException(requests.size() + " messages exceed " + MAX_IOVECS + " iovecs");
        }
        ensureSendBuffer(requests.stream().mapToLong(r -> r.bytes().length).sum());
        long offset = 0;
        for (int i = 0; i < requests.size(); i++) {
            byte[] m = requests.get(i).bytes();
            sendBuffer.write(offset, m, 0, m.length);
            sendBuffer.setShort(offset + 6, (short) (sendBuffer.getShort(offset + 6) | addFlags));
            sendBuffer.setInt(offset + 8, firstSeq + i);
            iovecs.setPointer((long) i * IOVEC_SIZE, sendBuffer.share(offset));
            iovecs.setLong((long) i * IOVEC_SIZE + 8, m.length);
            offset += m.length;
        }
        prepareHeader(iovecs, requests.size());
        while (true) {
            try {
                LibC.sendmsg(fd, msghdr, 0);
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw e;
                }
            }
        }
    }

    private void ensureSendBuffer(long bytes) {
        if (sendBuffer.size() < bytes) {
            long size = Math.max(bytes, sendBuffer.size() * 2);
            sendBuffer.close();
            sendBuffer = new Memory(size);
        }
    }

    /**
     * Receives one datagram (one or more messages) into a fresh heap buffer.
     *
     * @throws LastErrorException EMSGSIZE if the datagram did not fit the receive buffer
     */
    ByteBuffer receive() {
        prepareHeader(receiveIovec, 1);
        long n = receiveRetryingEintr();
        if ((msghdr.getInt(48) & MSG_TRUNC) != 0) {
            throw new LastErrorException(LibC.EMSGSIZE);
        }
        return ByteBuffer.wrap(receiveBuffer.getByteArray(0, (int) n));
    }

    private long receiveRetryingEintr() {
        while (true) {
            try {
                return LibC.recvmsg(fd, msghdr, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw e;
                }
            }
        }
    }

    private void prepareHeader(Pointer iov, int iovCount) {
        msghdr.clear();
        msghdr.setPointer(0, address);
        msghdr.setInt(8, SOCKADDR_NL_SIZE);
        msghdr.setPointer(16, iov);
        msghdr.setLong(24, iovCount);
    }

    @Override
    public void close() {
        LibC.close(fd);
        sendBuffer.close();
        receiveBuffer.close();
        receiveIovec.close();
        iovecs.close();
        msghdr.close();
        address.close();
    }
}
