package io.kuberouter.kernel.harness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.opentest4j.TestAbortedException;

/** Parses the report the guest's ConsoleLauncher writes (same listener, run here on ReportFixture) and replays it. */
class GuestReportTest {
    private static final String CLASS = "[engine:junit-jupiter]/[class:" + ReportFixture.class.getName() + "]";
    private static GuestResults results;

    @BeforeAll
    static void runFixture(@TempDir Path reports) throws IOException {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ReportFixture.class)).build();
        var listener = new LegacyXmlReportGeneratingListener(reports, new PrintWriter(new StringWriter()));
        LauncherFactory.create().execute(request, listener);
        results = new GuestResults(GuestReport.read(reports), 1, "guest said goodbye");
    }

    @Test
    void failedAssertionIsRethrownWithGuestMessageAndStack() {
        AssertionError e = assertThrows(AssertionError.class, () -> results.replay(CLASS + "/[method:fails()]"));
        assertTrue(e.getMessage().startsWith("failed in the UML guest: org.opentest4j.AssertionFailedError: one is not two"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at " + ReportFixture.class.getName() + ".fails(ReportFixture.java:"), e.getMessage());
    }

    @Test
    void errorIsRethrownAsFailure() {
        AssertionError e = assertThrows(AssertionError.class, () -> results.replay(CLASS + "/[method:errors()]"));
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException: boom <&>"), e.getMessage());
    }

    @Test
    void passedReturnsNormally() {
        assertDoesNotThrow(() -> results.replay(CLASS + "/[method:passes()]"));
    }

    @Test
    void abortedBecomesAbortedOnTheHost() {
        var e = assertThrows(TestAbortedException.class, () -> results.replay(CLASS + "/[method:aborts()]"));
        assertTrue(e.getMessage().contains("not on this kernel"), e.getMessage());
    }

    @Test
    void templateInvocationsAndNestedClassesAreKeyedByUniqueId() {
        String template = CLASS + "/[test-template:template(java.lang.String)]/[test-template-invocation:#";
        assertDoesNotThrow(() -> results.replay(template + "1]"));
        assertThrows(AssertionError.class, () -> results.replay(template + "2]"));
        var e = assertThrows(AssertionError.class, () -> results.replay(CLASS + "/[nested-class:Inner]/[method:innerFails()]"));
        assertTrue(e.getMessage().contains("inner failure"), e.getMessage());
    }

    @Test
    void factoryFailsWithItsFailedDynamicTests() {
        var e = assertThrows(AssertionError.class, () -> results.replayDescendants(CLASS + "/[test-factory:factory()]"));
        assertTrue(e.getMessage().contains("[dynamic-test:#2]: org.opentest4j.AssertionFailedError: dynamic bad"), e.getMessage());
    }

    @Test
    void unreportedTestFailsWithTheGuestsOutput() {
        var e = assertThrows(AssertionError.class, () -> results.replay(CLASS + "/[method:neverRan()]"));
        assertTrue(e.getMessage().contains("no result for " + CLASS + "/[method:neverRan()]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("guest said goodbye"), e.getMessage());
        var timedOut = new GuestResults(Map.of(), 124, "");
        var t = assertThrows(AssertionError.class, () -> timedOut.replay(CLASS + "/[method:passes()]"));
        assertTrue(t.getMessage().contains("TIMED OUT"), t.getMessage());
    }

    @Test
    void testcasesWithoutUniqueIdAreIgnoredAndDoctypesRejected() throws IOException {
        String plain = "<testsuite><testcase name=\"x\" classname=\"C\"/></testsuite>";
        assertEquals(Map.of(), GuestReport.parse(new ByteArrayInputStream(plain.getBytes(StandardCharsets.UTF_8))));
        String doctype = "<!DOCTYPE t [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite>&e;</testsuite>";
        assertThrows(IOException.class, () -> GuestReport.parse(new ByteArrayInputStream(doctype.getBytes(StandardCharsets.UTF_8))));
    }
}
