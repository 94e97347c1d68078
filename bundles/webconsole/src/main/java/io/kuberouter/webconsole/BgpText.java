package io.kuberouter.webconsole;

/** {@code kr:bgp [ADDRESS|PREFIX]}: the BGP page as text. */
final class BgpText {

    private BgpText() {
    }

    /** @param rows the running speaker, or {@code null} when none runs */
    static String render(BgpRows rows) {
        if (rows == null) {
            return "no BGP speaker running\n";
        }
        StringBuilder out = new StringBuilder("speaker ").append(rows.speaker()).append('\n');
        for (BgpRows.Peer p : rows.peers()) {
            out.append("peer ").append(p.address()).append(" AS ").append(p.asn()).append(": ").append(p.state())
                    .append(", up ").append(p.uptime()).append(", received ").append(p.received())
                    .append(", accepted ").append(p.accepted()).append(", advertised ").append(p.advertised())
                    .append(", router id ").append(p.routerId()).append(", hold time ").append(p.holdTime())
                    .append(" s, families ").append(p.families()).append(", last notification ")
                    .append(p.lastNotification()).append('\n');
        }
        if (!rows.queryProblem().isEmpty()) {
            return out.append(rows.queryProblem()).append('\n').toString();
        }
        out.append("loc-rib: ").append(rows.ribSize()).append(" best paths, ").append(rows.routes().size())
                .append(rows.query().isEmpty() ? " shown" : " matching " + rows.query()).append('\n');
        for (BgpRows.RibRow r : rows.routes()) {
            out.append("  ").append(r.prefix()).append(" via ").append(r.nextHop()).append(", as-path ")
                    .append(r.asPath()).append(", origin ").append(r.origin()).append(", local-pref ")
                    .append(r.localPref()).append(", med ").append(r.med()).append(", communities ")
                    .append(r.communities()).append(", from ").append(r.from()).append('\n');
        }
        return out.toString();
    }
}
