package io.kuberouter.webconsole;

import java.util.List;
import org.owasp.encoder.Encode;

/**
 * The BGP page body, rendered on the server: the speaker, one row per peer (FSM state, uptime, prefixes received /
 * accepted / advertised), and a Loc-RIB search form with the matching best paths.
 */
final class BgpHtml {

    private BgpHtml() {
    }

    /** @param rows the running speaker, or {@code null} when none runs */
    static String render(BgpRows rows) {
        StringBuilder out = new StringBuilder();
        if (rows == null) {
            return out.append("<p class='statline ui-state-highlight' id='kr-absent'>no BGP speaker running "
                    + "(start the router feature, --run-router)</p>\n").toString();
        }
        out.append("<p class='statline' id='kr-speaker'>BGP speaker ").append(Encode.forHtml(rows.speaker()))
                .append(", peers: ").append(rows.peers().size()).append(".</p>\n");
        out.append("<table class='nicetable' id='kr-peers'>\n<thead><tr><th>Peer</th><th>AS</th><th>State</th>"
                + "<th>Uptime</th><th>Received</th><th>Accepted</th><th>Advertised</th><th>Router ID</th>"
                + "<th>Hold time</th><th>Families</th><th>Last notification</th></tr></thead>\n<tbody>\n");
        for (BgpRows.Peer p : rows.peers()) {
            out.append("<tr data-peer='").append(Encode.forHtmlAttribute(p.address())).append("'>");
            cells(out, List.of(p.address(), "" + p.asn(), p.state(), p.uptime(), "" + p.received(), "" + p.accepted(),
                    "" + p.advertised(), p.routerId(), p.holdTime() + " s", p.families(), p.lastNotification()));
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        out.append("<form method='get' class='statline'>Loc-RIB: address or prefix <input name='q' value='")
                .append(Encode.forHtmlAttribute(rows.query())).append("' placeholder='10.244.1.0/24'> ")
                .append("<button type='submit'>search</button> ").append(rows.ribSize())
                .append(" best paths in all; ").append(rows.query().isEmpty() ? "the first " + BgpRows.LIMIT
                        : "those covering or within the query, at most " + BgpRows.LIMIT).append(" shown.</form>\n");
        if (!rows.queryProblem().isEmpty()) {
            out.append("<p class='statline ui-state-error'>").append(Encode.forHtml(rows.queryProblem()))
                    .append("</p>\n");
        }
        out.append("<table class='nicetable' id='kr-rib'>\n<thead><tr><th>Prefix</th><th>Next hop</th>"
                + "<th>AS path</th><th>Origin</th><th>Local pref</th><th>MED</th><th>Communities</th><th>From</th>"
                + "</tr></thead>\n<tbody>\n");
        for (BgpRows.RibRow r : rows.routes()) {
            out.append("<tr data-prefix='").append(Encode.forHtmlAttribute(r.prefix())).append("'>");
            cells(out, List.of(r.prefix(), r.nextHop(), r.asPath(), r.origin(), r.localPref(), r.med(),
                    r.communities(), r.from()));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static void cells(StringBuilder out, List<String> cells) {
        cells.forEach(c -> out.append("<td>").append(Encode.forHtml(c)).append("</td>"));
    }
}
