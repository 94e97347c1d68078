package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A running capability in plain lines, shared by the page and the shell: each controller's
 * heartbeat judged by the health endpoint's rule, and the kernel state the capability owns.
 */
final class CapabilityLines {

    private CapabilityLines() {
    }

    /** E.g. {@code ipvs: last heartbeat 4 s ago, period 300 s, fresh}. */
    static List<String> heartbeats(Capability capability, Instant now) {
        List<String> lines = new ArrayList<>();
        for (Heartbeats.Controller c : capability.heartbeats().controllers()) {
            String last = c.lastBeat() == null ? "no heartbeat yet"
                    : "last heartbeat " + Duration.between(c.lastBeat(), now).toSeconds() + " s ago";
            lines.add(c.name() + ": " + last + ", period " + c.period().toSeconds() + " s, "
                    + (c.stale(now) ? "STALE" : "fresh"));
        }
        return lines;
    }

    /** True if any controller of the capability is stale at {@code now}. */
    static boolean stale(Capability capability, Instant now) {
        return !capability.heartbeats().stale(now).isEmpty();
    }

    /** E.g. {@code chains KUBE-POD-FW-, KUBE-NWPLCY-}; {@code nothing} when it owns nothing. */
    static List<String> ownership(KernelOwnership owned) {
        List<String> lines = new ArrayList<>();
        add(lines, "chains", owned.chainPrefixes());
        add(lines, "ipsets", owned.ipsetPrefixes());
        add(lines, "links", owned.linkPrefixes());
        add(lines, "route protocols", owned.routeProtocols());
        add(lines, "route tables", owned.routeTables());
        add(lines, "fwmarks", owned.fwmarks().stream()
                .map(r -> "0x" + Long.toHexString(r.first()) + "-0x" + Long.toHexString(r.last())).toList());
        add(lines, "virtual servers", owned.vipRanges());
        if (lines.isEmpty()) {
            lines.add("nothing");
        }
        return lines;
    }

    private static void add(List<String> lines, String what, List<?> values) {
        if (!values.isEmpty()) {
            lines.add(what + " " + values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }
}
