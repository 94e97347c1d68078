package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.capabilities.Feature;
import io.kuberouter.capabilities.FeatureStatus;
import io.kuberouter.capabilities.FeatureStatus.Enablement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page and the shell text of one report; features without bundles need no OSGi framework. */
class RenderingTest {

    private static final FeatureState CORE = feature("core", "the platform", Enablement.FLAGS, false);
    private static final FeatureState HOSTILE = feature("evil", "<script>alert(1)</script>", Enablement.NODE, true);
    private static final TestCapability ORPHAN = new TestCapability("dsr", KernelOwnership.NONE,
            TestCapability.controller("mangle", CapabilityLinesTest.T0, CapabilityLinesTest.T0, Duration.ofSeconds(30)));
    private static final NodeReport REPORT = new NodeReport(CapabilityLinesTest.T0.plusSeconds(5),
            List.of(CORE, HOSTILE), List.of(ORPHAN), "");

    @Test
    void thePageEscapesWhatItShowsAndOffersStopOnlyWhereAllowed() {
        String html = new CapabilitiesHtml(REPORT, "/system/console/capabilities", "t0k'en")
                .render("stopped feature <b>x</b>");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("stopped feature &lt;b&gt;x&lt;/b&gt;"), html);
        assertEquals(1, count(html, "name='action' value='stop'"), html);
        assertTrue(html.contains("<input type='hidden' name='token' value='t0k&#39;en'>"), html);
        assertTrue(html.contains("id='kr-unclaimed'"), html);
        assertTrue(html.contains("heartbeat mangle: last heartbeat 5 s ago, period 30 s, fresh"), html);
        assertTrue(html.contains("<td>running</td><td>by the node's annotation</td>"), html);
    }

    @Test
    void aFeatureThisNodeLacksOffersStartOnly() {
        Feature.BundleRef ref = new Feature.BundleRef("io.kuberouter:io.kuberouter.dsr", 4);
        FeatureState dsr = new FeatureState(new FeatureStatus(new Feature("dsr", "direct server return", List.of(ref),
                Map.of()), Enablement.NONE, List.of(FeatureStatus.Member.absent(ref)), true), List.of());
        NodeReport report = new NodeReport(REPORT.at(), List.of(dsr), List.of(), "");
        String html = new CapabilitiesHtml(report, "/c", "t").render("");
        assertEquals(1, count(html, "name='action' value='start'"), html);
        assertEquals(0, count(html, "name='action' value='stop'"), html);
        assertTrue(html.contains("io.kuberouter:io.kuberouter.dsr (level 4): not installed"), html);
        assertTrue(CapabilitiesText.render(report).startsWith("feature dsr: not installed, not enabled - direct"));
    }

    @Test
    void theShellTextHasTheSameRows() {
        String text = CapabilitiesText.render(new NodeReport(REPORT.at(), REPORT.features(), REPORT.unclaimed(),
                "cannot read the feature descriptors"));
        assertTrue(text.startsWith("! cannot read the feature descriptors\n"), text);
        assertTrue(text.contains("feature core: running, enabled by flags - the platform\n"), text);
        assertTrue(text.contains("feature evil: running, enabled by the node's annotation - <script>"), text);
        assertTrue(text.contains("capabilities without a feature descriptor:\n  capability dsr: healthy\n"
                + "    heartbeat mangle: last heartbeat 5 s ago, period 30 s, fresh\n    owns nothing\n"), text);
    }

    @Test
    void aFormTokenMatchesOnlyItself() {
        FormToken token = new FormToken();
        assertTrue(token.matches(token.value()));
        assertFalse(token.matches(new FormToken().value()));
        assertFalse(token.matches(null));
        assertFalse(token.matches(""));
    }

    private static FeatureState feature(String name, String description, Enablement enablement, boolean stoppable) {
        return new FeatureState(new FeatureStatus(new Feature(name, description, List.of(), Map.of()), enablement,
                List.of(), stoppable), List.of());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
