package io.kuberouter.kernel.netlink.socket;

import com.sun.jna.LastErrorException;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * A netlink socket to the kernel, opened in the network namespace of the calling thread, that sends
 * requests in batches and matches every reply to its request (RFC 3549 §2.3.2; linux/netlink.h).
 *
 * <p>{@link #executeAll} packs up to {@value NativeSocket#MAX_IOVECS} requests into one
 * {@code sendmsg}, each with {@code NLM_F_ACK} and its own sequence number, then reads acknowledgements
 * until every request of that window has its verdict, and maps each error to its request. The window is
 * further bounded by the send buffer and by the receive buffer (every acknowledgement occupies one
 * datagram until read; an overflowing queue drops them and reports ENOBUFS). After a failure of the
 * socket itself (not of a request) the socket must be closed. Not thread-safe; open one per call.
 */
public final class NetlinkSocket implements AutoCloseable {

    private static final int SEND_BUFFER = 4 << 20;
    private static final int RECEIVE_BUFFER = 8 << 20;
    /** Receive buffer bytes an outstanding acknowledgement may occupy (skb truesize, rounded up). */
    private static final int ACK_TRUESIZE = 2048;
    private static final int DATAGRAM_BUFFER = 64 << 10;
    private static final long REPLY_TIMEOUT_MILLIS = 30_000;
    private static final int DUMP_ATTEMPTS = 5;

    private final NativeSocket socket;
    private final String name;
    private final int window;
    private final int sendLimit;
    private int seq = 1;

    private NetlinkSocket(NativeSocket socket, String name) {
        this.socket = socket;
        this.name = name;
        this.sendLimit = socket.getInt(SocketOptions.SOL_SOCKET, SocketOptions.SO_SNDBUF) - 32;
        int receive = socket.getInt(SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUF);
        this.window = Math.max(1, Math.min(NativeSocket.MAX_IOVECS, receive / ACK_TRUESIZE));
    }

    /**
     * Opens a socket of a netlink protocol ({@link Netlink#NETLINK_ROUTE} etc.) in the calling thread's
     * network namespace: bound to a kernel-assigned port, acknowledgements capped to the request header,
     * extended acks on, buffers enlarged for batches.
     */
    public static NetlinkSocket open(int protocol) throws KernelException {
        String name = protocolName(protocol);
        NativeSocket socket;
        try {
            socket = new NativeSocket(protocol, DATAGRAM_BUFFER);
        } catch (LastErrorException e) {
            throw new KernelException("socket " + name, "", e.getErrorCode(), "");
        }
        try {
            configure(socket, protocol);
            return new NetlinkSocket(socket, name);
        } catch (LastErrorException e) {
            socket.close();
            throw new KernelException("socket setup " + name, "", e.getErrorCode(), "");
        }
    }

    /**
     * Binds, enlarges the buffers and sets the reply timeout. Capped acks (Linux 4.2), extended acks
     * (4.12) and strict rtnetlink dump checking (4.20) are used where the kernel has them; without them
     * acks echo whole requests, errors come without text and route dumps are filtered here only.
     */
    private static void configure(NativeSocket socket, int protocol) {
        socket.bind();
        socket.growBuffers(SEND_BUFFER, RECEIVE_BUFFER);
        socket.setReceiveTimeout(REPLY_TIMEOUT_MILLIS);
        socket.trySetInt(SocketOptions.SOL_NETLINK, SocketOptions.NETLINK_CAP_ACK, 1);
        socket.trySetInt(SocketOptions.SOL_NETLINK, SocketOptions.NETLINK_EXT_ACK, 1);
        if (protocol == Netlink.NETLINK_ROUTE) {
            socket.trySetInt(SocketOptions.SOL_NETLINK, SocketOptions.NETLINK_GET_STRICT_CHK, 1);
        }
    }

    /**
     * Sends every request with {@code NLM_F_ACK}, in windows, waits for all acknowledgements and
     * returns the refused ones; every request is attempted, in order.
     *
     * @throws KernelException the socket itself failed (e.g. ENOBUFS); the outcome of the window in
     *         flight is then unknown and later windows were not sent
     */
    public List<RequestFailure> executeAll(List<Request> requests) throws KernelException {
        List<RequestFailure> failures = new ArrayList<>();
        int start = 0;
        while (start < requests.size()) {
            int end = windowEnd(requests, start);
            failures.addAll(exchange(requests.subList(start, end), Netlink.NLM_F_ACK).failures(start));
            start = end;
        }
        return failures;
    }

    /**
     * Sends one request with {@code NLM_F_ACK} and waits for its acknowledgement.
     *
     * @throws KernelException the kernel refused it: operation, object, errno and its extended-ack text
     */
    public void execute(Request request) throws KernelException {
        exchange(List.of(request), Netlink.NLM_F_ACK).throwIfFailed(0);
    }

    /** Sends one request with {@code NLM_F_ACK} and returns its data replies (e.g. a GET of one object). */
    public List<Message> query(Request request) throws KernelException {
        Exchange x = exchange(List.of(request), Netlink.NLM_F_ACK);
        x.throwIfFailed(0);
        return x.replies(0);
    }

    /**
     * Sends a dump request ({@code NLM_F_DUMP} set by its encoder) and returns every part of the
     * multipart reply; repeats the dump when the kernel flags it {@code NLM_F_DUMP_INTR} (the object
     * set changed while it was read).
     */
    public List<Message> dump(Request request) throws KernelException {
        for (int attempt = 1; ; attempt++) {
            Exchange x = exchange(List.of(request), 0);
            x.throwIfFailed(0);
            if (!x.interrupted(0)) {
                return x.replies(0);
            }
            if (attempt == DUMP_ATTEMPTS) {
                throw new KernelException(request.operation(), request.object(), Errno.EINTR.number(),
                        "dump interrupted by concurrent changes " + DUMP_ATTEMPTS + " times");
            }
        }
    }

    /** How many requests one {@code sendmsg} carries at most on this socket. */
    public int window() {
        return window;
    }

    private int windowEnd(List<Request> requests, int start) {
        int end = start;
        long bytes = 0;
        while (end < requests.size() && end - start < window) {
            bytes += requests.get(end).bytes().length;
            if (bytes > sendLimit && end > start) {
                break;
            }
            end++;
        }
        return end;
    }

    private Exchange exchange(List<Request> batch, int addFlags) throws KernelException {
        Exchange x = new Exchange(batch, seq);
        seq += batch.size();
        try {
            socket.send(batch, x.firstSeq(), addFlags);
            while (!x.complete()) {
                for (Message m : Message.split(socket.receive())) {
                    x.accept(m);
                }
            }
            return x;
        } catch (LastErrorException e) {
            throw socketFailure(batch, e);
        }
    }

    private KernelException socketFailure(List<Request> batch, LastErrorException e) {
        Request first = batch.get(0);
        String object = batch.size() == 1 ? first.object() : first.object() + " (+" + (batch.size() - 1) + " more)";
        String detail = switch (e.getErrorCode()) {
            case LibC.EAGAIN -> "no reply from the kernel within " + REPLY_TIMEOUT_MILLIS + " ms";
            case LibC.ENOBUFS -> "receive queue overflowed on " + name + ", acknowledgements lost; outcome unknown";
            default -> "";
        };
        int errno = e.getErrorCode() == LibC.EAGAIN ? Errno.ETIMEDOUT.number() : e.getErrorCode();
        return new KernelException(first.operation(), object, errno, detail, e);
    }

    private static String protocolName(int protocol) {
        return switch (protocol) {
            case Netlink.NETLINK_ROUTE -> "NETLINK_ROUTE";
            case Netlink.NETLINK_NETFILTER -> "NETLINK_NETFILTER";
            case Netlink.NETLINK_GENERIC -> "NETLINK_GENERIC";
            default -> "netlink protocol " + protocol;
        };
    }

    @Override
    public void close() {
        socket.close();
    }
}
