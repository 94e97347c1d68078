package io.kuberouter.firewall.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reachability matrix as the Kubernetes e2e suite prints it ({@code test/e2e/network/netpol/truthtable.go}):
 * rows are clients, columns servers; {@code .} reachable, {@code X} blocked, {@code -} not probed (a pod to
 * itself, k/k #95879).
 */
final class TruthTable {

    private final List<LabPod> pods;
    private final Map<String, Boolean> cells = new LinkedHashMap<>();

    TruthTable(List<LabPod> pods) {
        this.pods = List.copyOf(pods);
    }

    /** Parses the text form (header row of servers, then one row per client). */
    static TruthTable parse(String text) {
        List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<LabPod> servers = new ArrayList<>();
        for (String s : lines.get(0).split("\\s+")) {
            if (!s.equals("-")) {
                servers.add(LabPod.parse(s));
            }
        }
        TruthTable table = new TruthTable(servers);
        for (String row : lines.subList(1, lines.size())) {
            String[] cols = row.split("\\s+");
            LabPod from = LabPod.parse(cols[0]);
            for (int i = 1; i < cols.length; i++) {
                if (!cols[i].equals("-")) {
                    table.set(from, servers.get(i - 1), cols[i].equals("."));
                }
            }
        }
        return table;
    }

    void set(LabPod from, LabPod to, boolean reachable) {
        cells.put(from + ">" + to, reachable);
    }

    Boolean get(LabPod from, LabPod to) {
        return cells.get(from + ">" + to);
    }

    /** The cells where {@code actual} differs from this table, as {@code from -> to: expected X, got .}. */
    List<String> differences(TruthTable actual) {
        List<String> out = new ArrayList<>();
        for (LabPod from : pods) {
            for (LabPod to : pods) {
                Boolean want = get(from, to);
                if (want != null && !want.equals(actual.get(from, to))) {
                    out.add(from + " -> " + to + ": expected " + mark(want) + ", got " + mark(actual.get(from, to)));
                }
            }
        }
        return out;
    }

    /** The text form, one column of width 4 per server. */
    String render() {
        StringBuilder sb = new StringBuilder("-   ");
        pods.forEach(p -> sb.append(p).append(' '));
        for (LabPod from : pods) {
            sb.append('\n').append(from).append(' ');
            pods.forEach(to -> sb.append(mark(get(from, to))).append("   "));
        }
        return sb.toString().replaceAll(" +\n", "\n").strip() + "\n";
    }

    private static String mark(Boolean reachable) {
        return reachable == null ? "-" : reachable ? "." : "X";
    }
}
