package io.kuberouter.lab;

import java.util.List;

/**
 * One cell of the reachability matrix: from pod {@code from} ({@code namespace/name}) to {@code target}
 * ({@code pod NS/NAME}, {@code service NS/NAME} or {@code nodeport NODE}) at {@code address}:{@code port} over
 * {@code protocol}. {@code result} is the name of the pod that answered, or one of {@link #TIMEOUT},
 * {@link #REFUSED}, {@link #UNREACHABLE}, {@link #UNSUPPORTED}, or {@code error: <reason>}.
 */
public record Probe(String from, String target, String address, int port, String protocol, String result) {
    /** No answer within the probe timeout (1 s). */
    public static final String TIMEOUT = "timeout";
    /** Actively refused: TCP reset, ICMP port unreachable, SCTP abort. */
    public static final String REFUSED = "refused";
    /** ICMP host or network unreachable (no route). */
    public static final String UNREACHABLE = "unreachable";
    /** The kernel of the source pod lacks the protocol (SCTP on a host without the module). */
    public static final String UNSUPPORTED = "unsupported";

    /** Whether a pod answered (the result is a pod name, not a failure). */
    public boolean answered() {
        return !List.of(TIMEOUT, REFUSED, UNREACHABLE, UNSUPPORTED).contains(result) && !result.startsWith("error: ");
    }

    /** What identifies the cell across runs (addresses may differ): {@code from -> target port/protocol}. */
    public String key() {
        return from + " -> " + target + " " + port + "/" + protocol;
    }
}
