package io.kuberouter.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Matrix} as a text table: a row per source pod, a column per target and port (two header lines:
 * the target, then port/protocol), each cell the probe's result; columns padded to their widest cell.
 */
final class MatrixTable {
    private static final String CORNER = "from \\ to";
    private static final String LEGEND = "cell: the pod that answered, or timeout / refused / unreachable / unsupported";

    private MatrixTable() {
    }

    static String render(Matrix matrix) {
        Set<String> rows = new LinkedHashSet<>();
        Map<String, Probe> columns = new LinkedHashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        for (Probe probe : matrix.probes()) {
            String column = probe.target() + " " + probe.port() + "/" + probe.protocol();
            rows.add(probe.from());
            columns.putIfAbsent(column, probe);
            cells.put(probe.from() + "\n" + column, probe.result());
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(header(CORNER, columns.values().stream().map(Probe::target).toList()));
        lines.add(header("", columns.values().stream().map(p -> p.port() + "/" + p.protocol()).toList()));
        for (String row : rows) {
            List<String> line = new ArrayList<>(List.of(row));
            columns.keySet().forEach(c -> line.add(cells.getOrDefault(row + "\n" + c, "")));
            lines.add(line);
        }
        return layout(lines) + LEGEND + "\n";
    }

    private static List<String> header(String first, List<String> rest) {
        List<String> line = new ArrayList<>(List.of(first));
        line.addAll(rest);
        return line;
    }

    private static String layout(List<List<String>> lines) {
        int[] widths = new int[lines.get(0).size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                text.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", line.get(i)));
            }
            text.append('\n');
        }
        return text.toString().replaceAll(" +\n", "\n");
    }
}
