package io.kuberouter.dsr.model;

import io.kuberouter.api.proxy.Frontend;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The firewall mark of each DSR frontend, as kube-router derives it (behaviour inventory §3.7,
 * {@code generateUniqueFWMark}): FNV-32a of {@code <ip>-<protocol>-<port>} masked with 0x3FFF; when that mark
 * already belongs to another frontend (or is 0, which means "no mark"), the port part gets the suffix
 * {@code -<n>} for n = 0, 1, ... up to 16 380 tries. Marks are kept for the life of this object, as upstream
 * keeps them in memory, so repeated model builds agree. Thread-safe.
 */
public final class DsrMarks {

    /** The largest DSR mark; the proxy owns fwmark IPVS services in 1..this. */
    public static final int MAX_MARK = 0x3FFF;
    private static final int MAX_TRIES = 16_380;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private final Map<String, Integer> byFrontend = new HashMap<>();
    private final Map<Integer, String> byMark = new HashMap<>();

    /** The mark of {@code frontend}, allocating one on first use; empty when every try collided. */
    public synchronized Optional<Integer> markOf(Frontend frontend) {
        String id = frontend.id();
        Integer known = byFrontend.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        String protocol = frontend.protocol().name().toLowerCase(java.util.Locale.ROOT);
        int mark = hash(frontend.address(), protocol, Integer.toString(frontend.port()));
        for (int i = 0; i < MAX_TRIES; i++) {
            if (mark != 0 && !byMark.containsKey(mark)) {
                byFrontend.put(id, mark);
                byMark.put(mark, id);
                return Optional.of(mark);
            }
            mark = hash(frontend.address(), protocol, frontend.port() + "-" + i);
        }
        return Optional.empty();
    }

    /** kube-router's {@code generateFwmark}: FNV-32a of {@code ip-protocol-port}, low 14 bits. */
    static int hash(String ip, String protocol, String port) {
        int h = FNV_OFFSET;
        for (byte b : (ip + "-" + protocol + "-" + port).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= FNV_PRIME;
        }
        return h & MAX_MARK;
    }
}
