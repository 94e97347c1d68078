package io.kuberouter.capabilities.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.capabilities.FeatureStatus.Enablement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What should run: flags ∪ node annotation ∪ operator, and which annotation names are taken. */
class DesiredFeaturesTest {

    private static final Set<String> DISTRIBUTION = Set.of("core", "metrics", "webconsole", "proxy", "dsr",
            "firewall");

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", textBlock = """
            NULL                        | ``                   | ``
            ``                          | ``                   | ``
            proxy,firewall,dsr          | dsr firewall proxy   | ``
            ` proxy , ,dsr,proxy `      | dsr proxy            | ``
            dsr,core,bogus              | dsr                  | core (not a capability feature);bogus (not a capability feature)
            router,Proxy                | ``                   | router (not part of this distribution);Proxy (not a capability feature)
            """)
    void takesOnlyCapabilityFeaturesOfTheDistributionFromTheAnnotation(String value, String enabled,
            String ignored) {
        NodeFeatures node = NodeFeatures.parse(value, DISTRIBUTION);
        assertEquals(words(enabled, " "), node.enabled());
        assertEquals(List.copyOf(words(ignored, ";")), List.copyOf(node.ignored()));
    }

    @Test
    void desiredIsTheUnionAndEnablementNamesTheFirstReason() {
        DesiredFeatures desired = DesiredFeatures.ofFlags(Set.of("core", "metrics", "proxy"))
                .withNode(Set.of("proxy", "dsr")).withOperatorStarted("firewall");
        assertEquals(List.of("core", "dsr", "firewall", "metrics", "proxy"), List.copyOf(desired.all()));
        assertEquals(Enablement.FLAGS, desired.enablement("proxy"));
        assertEquals(Enablement.NODE, desired.enablement("dsr"));
        assertEquals(Enablement.OPERATOR, desired.enablement("firewall"));
        assertEquals(Enablement.NONE, desired.enablement("webconsole"));
    }

    @Test
    void aNewAnnotationReplacesTheNodePartOnly() {
        DesiredFeatures desired = DesiredFeatures.ofFlags(Set.of("core")).withNode(Set.of("dsr", "proxy"))
                .withOperatorStarted("firewall").withNode(Set.of("proxy"));
        assertFalse(desired.contains("dsr"));
        assertTrue(desired.contains("firewall"));
        assertEquals(Set.of("core", "firewall", "proxy"), desired.all());
        assertEquals(Set.of("core", "proxy"), desired.withOperatorStopped("firewall").all());
        assertEquals(Set.of("core"), desired.withNode(Set.of()).withOperatorStopped("firewall").all());
    }

    private static Set<String> words(String text, String separator) {
        return text == null || text.isEmpty() ? Set.of()
                : new java.util.LinkedHashSet<>(List.of(text.split(separator)));
    }
}
