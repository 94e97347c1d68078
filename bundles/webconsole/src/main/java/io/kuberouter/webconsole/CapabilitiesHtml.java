package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.capabilities.FeatureStatus;
import java.time.Instant;
import java.util.List;
import org.owasp.encoder.Encode;

/**
 * The Capabilities page body, rendered on the server inside the Web Console's frame (no script, no
 * external resource): one row per feature with its status, why it is enabled, its capabilities'
 * heartbeats and ownership, its bundles, and start/stop forms carrying the page's form token.
 */
final class CapabilitiesHtml {

    private final NodeReport report;
    private final String action;
    private final String token;
    private final StringBuilder out = new StringBuilder();

    /**
     * @param action the URL the start/stop forms post to
     * @param token the form token a post must carry
     */
    CapabilitiesHtml(NodeReport report, String action, String token) {
        this.report = report;
        this.action = action;
        this.token = token;
    }

    /** @param result the outcome of the previous start/stop, or empty */
    String render(String result) {
        out.append("<p class='statline'>Features of this distribution and the capabilities running on this node, at ")
                .append(Encode.forHtml(report.at().toString())).append(".</p>\n");
        if (!report.problem().isEmpty()) {
            out.append("<p class='statline ui-state-error'>").append(Encode.forHtml(report.problem())).append("</p>\n");
        }
        if (!result.isEmpty()) {
            out.append("<p class='statline ui-state-highlight'>").append(Encode.forHtml(result)).append("</p>\n");
        }
        out.append("<table class='nicetable' id='kr-features'>\n<thead><tr><th>Feature</th><th>Status</th>"
                + "<th>Enabled</th><th>Capabilities</th><th>Bundles</th><th>Action</th></tr></thead>\n<tbody>\n");
        report.features().forEach(this::feature);
        out.append("</tbody></table>\n");
        unclaimed();
        return out.toString();
    }

    private void feature(FeatureState feature) {
        out.append("<tr data-feature='").append(Encode.forHtmlAttribute(feature.name())).append("'><td><b>")
                .append(Encode.forHtml(feature.name())).append("</b><br>")
                .append(Encode.forHtml(feature.description())).append("</td><td>")
                .append(feature.status().state()).append("</td><td>").append(feature.status().enablement())
                .append("</td><td>");
        feature.capabilities().forEach(this::capability);
        out.append("</td><td><details><summary>").append(feature.status().bundles().size())
                .append(" bundles</summary><ul>");
        for (FeatureStatus.Member member : feature.status().bundles()) {
            out.append("<li>").append(Encode.forHtml(member.ref().id())).append(" (level ")
                    .append(member.ref().startLevel()).append("): ").append(Encode.forHtml(member.stateName()))
                    .append("</li>");
        }
        out.append("</ul></details></td><td>");
        buttons(feature);
        out.append("</td></tr>\n");
    }

    private void capability(Capability capability) {
        Instant now = report.at();
        out.append("<div><b>").append(Encode.forHtml(capability.name())).append("</b>: ")
                .append(CapabilityLines.stale(capability, now) ? "<span class='ui-state-error'>stale</span>" : "healthy");
        list("heartbeat ", CapabilityLines.heartbeats(capability, now));
        list("owns ", CapabilityLines.ownership(capability.ownership()));
        out.append("</div>");
    }

    private void list(String prefix, List<String> lines) {
        out.append("<ul>");
        lines.forEach(l -> out.append("<li>").append(prefix).append(Encode.forHtml(l)).append("</li>"));
        out.append("</ul>");
    }

    private void buttons(FeatureState feature) {
        if (feature.startable()) {
            form(feature, "start");
        }
        if (feature.stoppable()) {
            form(feature, "stop");
        }
    }

    private void form(FeatureState feature, String verb) {
        out.append("<form method='post' action='").append(Encode.forHtmlAttribute(action)).append("'>")
                .append("<input type='hidden' name='token' value='").append(Encode.forHtmlAttribute(token)).append("'>")
                .append("<input type='hidden' name='feature' value='").append(Encode.forHtmlAttribute(feature.name()))
                .append("'><button type='submit' name='action' value='").append(verb).append("'>").append(verb)
                .append("</button></form>");
    }

    private void unclaimed() {
        if (report.unclaimed().isEmpty()) {
            return;
        }
        out.append("<p class='statline'>Capabilities without a feature descriptor</p>\n<table class='nicetable' "
                + "id='kr-unclaimed'><tbody><tr><td>");
        report.unclaimed().forEach(this::capability);
        out.append("</td></tr></tbody></table>\n");
    }
}
