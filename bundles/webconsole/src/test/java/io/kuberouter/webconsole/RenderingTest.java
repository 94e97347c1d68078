package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page and the shell text of one report; features without bundles need no OSGi framework. */
class RenderingTest {

    private static final FeatureState CORE = feature("core", "the platform");
    private static final FeatureState HOSTILE = feature("evil", "<script>alert(1)</script>");
    private static final TestCapability ORPHAN = new TestCapability("dsr", KernelOwnership.NONE,
            TestCapability.controller("mangle", CapabilityLinesTest.T0, CapabilityLinesTest.T0, Duration.ofSeconds(30)));
    private static final NodeReport REPORT = new NodeReport(CapabilityLinesTest.T0.plusSeconds(5),
            List.of(CORE, HOSTILE), List.of(ORPHAN), "");

    @Test
    void thePageEscapesWhatItShowsAndOffersStopOnlyWhereAllowed() {
        String html = new CapabilitiesHtml(REPORT, f -> !f.name().equals("core"), "/system/console/capabilities",
                "t0k'en").render("stopped feature <b>x</b>");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("stopped feature &lt;b&gt;x&lt;/b&gt;"), html);
        assertEquals(1, count(html, "name='action' value='stop'"), html);
        assertTrue(html.contains("<input type='hidden' name='token' value='t0k&#39;en'>"), html);
        assertTrue(html.contains("id='kr-unclaimed'"), html);
        assertTrue(html.contains("heartbeat mangle: last heartbeat 5 s ago, period 30 s, fresh"), html);
    }

    @Test
    void theShellTextHasTheSameRows() {
        String text = CapabilitiesText.render(new NodeReport(REPORT.at(), REPORT.features(), REPORT.unclaimed(),
                "cannot read the feature descriptors"));
        assertTrue(text.startsWith("! cannot read the feature descriptors\n"), text);
        assertTrue(text.contains("feature core: running, enabled on this node - the platform\n"), text);
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

    private static FeatureState feature(String name, String description) {
        return new FeatureState(new FeatureDescriptor(name, description, List.of()), List.of(), List.of());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
