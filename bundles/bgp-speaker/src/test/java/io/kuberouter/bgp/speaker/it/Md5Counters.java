package io.kuberouter.bgp.speaker.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kuberouter.kernel.harness.Netns;

/** The kernel's TCP MD5 counters of a namespace ({@code nstat}). */
final class Md5Counters {

    private static final Pattern COUNTER = Pattern.compile("TcpExtTCPMD5(Failure|Unexpected|NotFound)\\s+(\\d+)");

    private Md5Counters() {
    }

    /** Segments the namespace's kernel dropped for a wrong, missing or unexpected MD5 signature. */
    static long failures(Netns ns) {
        Matcher counter = COUNTER.matcher(ns.exec("nstat", "-az", "TcpExtTCPMD5*"));
        long total = 0;
        while (counter.find()) {
            total += Long.parseLong(counter.group(2));
        }
        return total;
    }
}
