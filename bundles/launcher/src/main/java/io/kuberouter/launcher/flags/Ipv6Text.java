package io.kuberouter.launcher.flags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** IPv6 text forms as Go's {@code net/netip} reads and writes them (RFC 4291 input, RFC 5952 output). */
final class Ipv6Text {

    private static final int GROUPS = 8;

    private Ipv6Text() {
    }

    /**
     * Parses hex groups with at most one {@code ::} (which must stand for at least one zero group) and an optional
     * trailing dotted quad. Zones ({@code %eth0}) are refused, as {@code net.ParseIP} does.
     *
     * @return the 16 address bytes, or null when malformed
     */
    static byte[] parse(String text) {
        if (text.indexOf('%') >= 0) {
            return null;
        }
        int ellipsis = text.indexOf("::");
        if (ellipsis >= 0 && text.indexOf("::", ellipsis + 1) >= 0) {
            return null;
        }
        List<Integer> head = ellipsis < 0 ? groups(text, true) : groups(text.substring(0, ellipsis), false);
        List<Integer> tail = ellipsis < 0 ? List.of() : groups(text.substring(ellipsis + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int missing = GROUPS - head.size() - tail.size();
        if (ellipsis < 0 ? missing != 0 : missing < 1) {
            return null;
        }
        List<Integer> all = new ArrayList<>(head);
        all.addAll(Collections.nCopies(missing, 0));
        all.addAll(tail);
        byte[] result = new byte[16];
        for (int i = 0; i < GROUPS; i++) {
            result[2 * i] = (byte) (all.get(i) >> 8);
            result[2 * i + 1] = (byte) (int) all.get(i);
        }
        return result;
    }

    /** RFC 5952: lower-case hex, no leading zeros, the first longest run (two or more) of zero groups as {@code ::}. */
    static String format(byte[] address) {
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < GROUPS; i++) {
            int j = i;
            while (j < GROUPS && groups[j] == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == runStart) {
                out.append("::");
                i += runLength - 1;
            } else {
                out.append(i > 0 && i != runStart + runLength ? ":" : "").append(Integer.toHexString(groups[i]));
            }
        }
        return out.toString();
    }

    /**
     * Hex groups of one side of the {@code ::}; a dotted quad is allowed as the last group of the address only.
     * An empty side has no groups. Null when malformed.
     */
    private static List<Integer> groups(String part, boolean endsAddress) {
        List<Integer> result = new ArrayList<>();
        if (part.isEmpty()) {
            return result;
        }
        String[] fields = part.split(":", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (field.indexOf('.') >= 0) {
                byte[] ipv4 = endsAddress && i == fields.length - 1 ? IpAddress.parseIpv4(field) : null;
                if (ipv4 == null) {
                    return null;
                }
                result.add((ipv4[0] & 0xff) << 8 | ipv4[1] & 0xff);
                result.add((ipv4[2] & 0xff) << 8 | ipv4[3] & 0xff);
            } else if (isHexGroup(field)) {
                result.add(Integer.parseInt(field, 16));
            } else {
                return null;
            }
        }
        return result;
    }

    private static boolean isHexGroup(String field) {
        return !field.isEmpty() && field.length() <= 4
                && field.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }
}
