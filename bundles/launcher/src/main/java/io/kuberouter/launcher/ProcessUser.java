package io.kuberouter.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the agent runs as: kube-router refuses any effective user but root. */
final class ProcessUser {

    private ProcessUser() {
    }

    /** True when the effective uid in {@code /proc/self/status} is 0. */
    static boolean isRoot() {
        try {
            return effectiveUid(Files.readString(Path.of("/proc/self/status"))) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The effective uid from the {@code Uid:} line (real, effective, saved, filesystem). */
    static long effectiveUid(String status) {
        return status.lines().filter(l -> l.startsWith("Uid:")).findFirst()
                .map(l -> Long.parseLong(l.substring(4).trim().split("\\s+")[1]))
                .orElseThrow(() -> new IllegalArgumentException("no Uid: line"));
    }
}
