package io.kuberouter.kernel.netlink.socket;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.netlink.wire.Ack;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Bookkeeping of one window of requests sent in one datagram with consecutive sequence numbers: routes
 * each reply to its request by {@code nlmsg_seq} and records each request's verdict. A request is
 * complete when its {@code NLMSG_ERROR} (acknowledgement or error) or, for a dump, its
 * {@code NLMSG_DONE} arrives; replies with foreign sequence numbers (left over from an abandoned
 * exchange) are ignored.
 */
final class Exchange {

    private final List<Request> requests;
    private final int firstSeq;
    private final Ack[] verdicts;
    private final List<List<Message>> replies;
    private final boolean[] interrupted;
    private int pending;

    Exchange(List<Request> requests, int firstSeq) {
        this.requests = requests;
        this.firstSeq = firstSeq;
        this.verdicts = new Ack[requests.size()];
        this.interrupted = new boolean[requests.size()];
        this.replies = new ArrayList<>(requests.size());
        requests.forEach(r -> replies.add(new ArrayList<>()));
        this.pending = requests.size();
    }

    int firstSeq() {
        return firstSeq;
    }

    boolean complete() {
        return pending == 0;
    }

    /** Files one received message under the request it answers. */
    void accept(Message message) {
        switch (message.type()) {
            case Netlink.NLMSG_ERROR -> settle(Ack.ofError(message));
            case Netlink.NLMSG_DONE -> settle(Ack.ofDone(message));
            case Netlink.NLMSG_NOOP, Netlink.NLMSG_OVERRUN -> { }
            default -> reply(message);
        }
    }

    /** The data messages (not acknowledgements) that answered request {@code index}. */
    List<Message> replies(int index) {
        return replies.get(index);
    }

    /** True iff a reply of request {@code index} carried {@code NLM_F_DUMP_INTR}. */
    boolean interrupted(int index) {
        return interrupted[index];
    }

    /** The refused requests of this window, in request order, indexed from {@code offset}. */
    List<RequestFailure> failures(int offset) {
        List<RequestFailure> out = new ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) {
            if (verdicts[i] != null && !verdicts[i].ok()) {
                out.add(new RequestFailure(offset + i, failure(i)));
            }
        }
        return out;
    }

    /**
     * Throws the error of the request at {@code index} if the kernel refused it.
     *
     * @throws KernelException operation and object of the request, errno and extended-ack text
     */
    void throwIfFailed(int index) throws KernelException {
        if (verdicts[index] != null && !verdicts[index].ok()) {
            throw failure(index);
        }
    }

    private KernelException failure(int index) {
        Request r = requests.get(index);
        return new KernelException(r.operation(), r.object(), verdicts[index].errno(), verdicts[index].detail());
    }

    private void settle(Ack ack) {
        int index = indexOf(ack.requestSeq());
        if (index >= 0 && verdicts[index] == null) {
            verdicts[index] = ack;
            pending--;
        }
    }

    private void reply(Message message) {
        int index = indexOf(message.seq());
        if (index >= 0 && verdicts[index] == null) {
            replies.get(index).add(message);
            interrupted[index] |= message.has(Netlink.NLM_F_DUMP_INTR);
        }
    }

    private int indexOf(int seq) {
        int index = seq - firstSeq;
        return index >= 0 && index < verdicts.length ? index : -1;
    }
}
