package io.kuberouter.webconsole;

/** {@code kr:services}: the Services page as text, one block per virtual server. */
final class ServicesText {

    private ServicesText() {
    }

    /** @param rows what the running proxy programmed, or {@code null} when no proxy runs */
    static String render(ServiceRows rows) {
        if (rows == null) {
            return "no service proxy running\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("proxy ").append(rows.backend()).append(", revision ").append(rows.revision()).append(", ")
                .append(rows.rows().size()).append(" virtual servers\n");
        for (ServiceRows.Row row : rows.rows()) {
            out.append(row.service()).append(" port ").append(row.port()).append(": ").append(row.frontend())
                    .append(", ").append(row.scheduling()).append(", ").append(row.delivery()).append('\n');
            out.append("  traffic ").append(row.traffic()).append('\n');
            if (row.endpoints().isEmpty()) {
                out.append("  no endpoints\n");
            }
            row.endpoints().forEach(e -> out.append("  endpoint ").append(e).append('\n'));
        }
        rows.problems().forEach(p -> out.append("skipped: ").append(p).append('\n'));
        return out.toString();
    }
}
