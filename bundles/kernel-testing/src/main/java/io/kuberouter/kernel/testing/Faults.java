package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fault injection and call log shared by all fakes of one {@link FakeKernel}. Operations are named
 * as in the exceptions ({@code RTM_NEWLINK}, {@code IPVS_CMD_NEW_DEST}, {@code iptables-nft-restore},
 * {@code ipset}, {@code sysctl}, {@code setns}, ...). A fault fires before the operation changes any
 * state. Thread-safe.
 */
public final class Faults {

    private static final String ANY = "*";

    private final Map<String, List<Errno>> once = new HashMap<>();
    private final Map<String, Errno> always = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    /** The next call of {@code operation} fails with {@code errno}; several calls queue up in order. */
    public synchronized Faults failNext(String operation, Errno errno) {
        once.computeIfAbsent(operation, k -> new ArrayList<>()).add(errno);
        return this;
    }

    /** The next call of any operation fails with {@code errno}. */
    public synchronized Faults failNextCall(Errno errno) {
        return failNext(ANY, errno);
    }

    /** Every call of {@code operation} fails with {@code errno} until {@link #clear()}. */
    public synchronized Faults failAlways(String operation, Errno errno) {
        always.put(operation, errno);
        return this;
    }

    /** Removes all pending faults (the call log is kept). */
    public synchronized void clear() {
        once.clear();
        always.clear();
    }

    /** Every operation called so far, as {@code "OPERATION object"}, oldest first. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Number of calls of {@code operation} so far. */
    public synchronized long count(String operation) {
        return calls.stream().filter(c -> c.equals(operation) || c.startsWith(operation + " ")).count();
    }

    /** Forgets the call log. */
    public synchronized void resetCalls() {
        calls.clear();
    }

    /** Records a call and throws the injected fault for it, if any. */
    synchronized void enter(String operation, String object) throws KernelException {
        calls.add(object.isEmpty() ? operation : operation + " " + object);
        Errno fault = take(operation);
        if (fault == null) {
            fault = take(ANY);
        }
        if (fault == null) {
            fault = always.get(operation);
        }
        if (fault != null) {
            throw new KernelException(operation, object, fault.number(), "injected fault");
        }
    }

    private Errno take(String operation) {
        List<Errno> queue = once.get(operation);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        return queue.remove(0);
    }
}
