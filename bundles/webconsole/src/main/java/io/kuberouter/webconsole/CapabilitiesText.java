package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.capabilities.FeatureStatus;
import java.time.Instant;

/** {@code kr:capabilities}: the Capabilities page as text, one feature block after another. */
final class CapabilitiesText {

    private CapabilitiesText() {
    }

    static String render(NodeReport report) {
        StringBuilder out = new StringBuilder();
        if (!report.problem().isEmpty()) {
            out.append("! ").append(report.problem()).append('\n');
        }
        for (FeatureState feature : report.features()) {
            FeatureStatus status = feature.status();
            out.append("feature ").append(feature.name()).append(": ").append(status.state()).append(", ")
                    .append(status.enablement() == FeatureStatus.Enablement.NONE ? "" : "enabled ")
                    .append(status.enablement()).append(" - ").append(feature.description()).append('\n');
            for (FeatureStatus.Member member : status.bundles()) {
                out.append("  bundle ").append(member.ref().id()).append(" (level ").append(member.ref().startLevel())
                        .append("): ").append(member.stateName()).append('\n');
            }
            feature.capabilities().forEach(c -> capability(out, c, report.at()));
        }
        if (!report.unclaimed().isEmpty()) {
            out.append("capabilities without a feature descriptor:\n");
            report.unclaimed().forEach(c -> capability(out, c, report.at()));
        }
        return out.toString();
    }

    private static void capability(StringBuilder out, Capability capability, Instant now) {
        out.append("  capability ").append(capability.name())
                .append(CapabilityLines.stale(capability, now) ? ": STALE" : ": healthy").append('\n');
        CapabilityLines.heartbeats(capability, now).forEach(l -> out.append("    heartbeat ").append(l).append('\n'));
        CapabilityLines.ownership(capability.ownership()).forEach(l -> out.append("    owns ").append(l).append('\n'));
    }
}
