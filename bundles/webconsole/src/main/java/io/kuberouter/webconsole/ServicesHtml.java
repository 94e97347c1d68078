package io.kuberouter.webconsole;

import org.owasp.encoder.Encode;

/**
 * The Services page body, rendered on the server (no script, no external resource): one row per virtual server
 * with its frontend, scheduler, delivery, endpoints (weight, connections) and traffic counters.
 */
final class ServicesHtml {

    private ServicesHtml() {
    }

    /** @param rows what the running proxy programmed, or {@code null} when no proxy runs */
    static String render(ServiceRows rows) {
        StringBuilder out = new StringBuilder();
        if (rows == null) {
            return out.append("<p class='statline ui-state-highlight' id='kr-absent'>no service proxy running "
                    + "(start the proxy feature, --run-service-proxy)</p>\n").toString();
        }
        out.append("<p class='statline'>Proxy backend <b>").append(Encode.forHtml(rows.backend()))
                .append("</b>, cluster revision ").append(rows.revision()).append(", ").append(rows.rows().size())
                .append(" virtual servers; counters read from the kernel now.</p>\n");
        out.append("<table class='nicetable' id='kr-services'>\n<thead><tr><th>Service</th><th>Port</th>"
                + "<th>Frontend</th><th>Scheduler</th><th>Delivery</th><th>Endpoints</th><th>Traffic</th></tr>"
                + "</thead>\n<tbody>\n");
        for (ServiceRows.Row row : rows.rows()) {
            out.append("<tr data-service='").append(Encode.forHtmlAttribute(row.service())).append("'>");
            cell(out, row.service());
            cell(out, row.port());
            cell(out, row.frontend());
            cell(out, row.scheduling());
            cell(out, row.delivery());
            out.append("<td>");
            if (row.endpoints().isEmpty()) {
                out.append("none (connections are refused)");
            }
            row.endpoints().forEach(e -> out.append("<div>").append(Encode.forHtml(e)).append("</div>"));
            out.append("</td>");
            cell(out, row.traffic());
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        if (!rows.problems().isEmpty()) {
            out.append("<p class='statline'>Skipped</p>\n<ul id='kr-problems'>");
            rows.problems().forEach(p -> out.append("<li>").append(Encode.forHtml(p)).append("</li>"));
            out.append("</ul>\n");
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, String text) {
        out.append("<td>").append(Encode.forHtml(text)).append("</td>");
    }
}
