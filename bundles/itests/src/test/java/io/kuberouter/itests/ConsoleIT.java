package io.kuberouter.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.kuberouter.api.capability.Capability;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The operator's view: the Web Console's Capabilities page and the {@code kr:*} Gogo commands, on
 * the runtime the launcher plans for a node with a Web Console password.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleIT {

    private static final String PASSWORD = "n0t-admin";
    private static final Pattern TOKEN = Pattern.compile("name='token' value='([^']+)'");

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor shell;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        int port = MockApi.freePort();
        return AgentOptions.agent(List.of(
                systemProperty("itest.page").value("http://127.0.0.1:" + port + "/system/console/capabilities")),
                "--master=" + api.url(), "--hostname-override=n1", "--health-port=0",
                "--metrics-addr=127.0.0.1", "--metrics-port=" + MockApi.freePort(),
                "--webconsole-password=" + PASSWORD, "--webconsole-port=" + port,
                // no --run-* capability may run in the host's namespace; without one the launcher would plan
                // nothing to run (and no console). The node may enable capabilities, whose bundles are absent.
                "--node-capabilities");
    }

    @Test
    public void theMetricsAndConsoleComponentsAreSatisfiedAndNoneFailed() throws Exception {
        awaitPage("data-feature='metrics'");
        for (Bundle bundle : List.of(bundle("io.kuberouter.metrics"), bundle("io.kuberouter.webconsole"))) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                    assertNull(description.name + " failed", c.failure);
                    assertTrue(description.name + " is in state " + c.state,
                            c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE);
                }
            }
        }
    }

    @Test
    public void thePageListsEveryFeatureOfTheDistributionWithItsState() throws Exception {
        String page = awaitPage("<b>metrics</b>: healthy");
        for (String feature : List.of("core", "metrics", "webconsole")) {
            assertTrue(page, page.contains("data-feature='" + feature + "'"));
        }
        assertTrue(page, page.contains("io.kuberouter:io.kuberouter.metrics (level 4): ACTIVE"));
        assertTrue(page, page.contains("heartbeat exporter: last heartbeat"));
        assertEquals(401, send(get(), null).statusCode());
    }

    @Test
    public void aPostWithoutThePageTokenIsRefused() throws Exception {
        awaitPage("data-feature='metrics'");
        assertEquals(403, send(post("forged", "stop", "metrics"), "admin:" + PASSWORD).statusCode());
        assertEquals(Bundle.ACTIVE, bundle("io.kuberouter.metrics").getState());
    }

    @Test
    public void aFeatureStopsAndStartsFromThePage() throws Exception {
        String token = token(awaitPage("data-feature='metrics'"));
        assertEquals(303, send(post(token, "stop", "metrics"), "admin:" + PASSWORD).statusCode());
        assertEquals(Bundle.RESOLVED, bundle("io.kuberouter.metrics").getState());
        assertEquals(Bundle.RESOLVED, bundle("io.kuberouter.health").getState());
        assertEquals(Bundle.ACTIVE, bundle("io.kuberouter.k8s").getState());
        awaitPage("stopped");
        assertEquals(303, send(post(token, "start", "metrics"), "admin:" + PASSWORD).statusCode());
        assertEquals(Bundle.ACTIVE, bundle("io.kuberouter.metrics").getState());
        assertEquals(Bundle.ACTIVE, bundle("io.kuberouter.health").getState());
        assertEquals(400, send(post(token, "stop", "core"), "admin:" + PASSWORD).statusCode());
    }

    @Test
    public void krCapabilitiesPrintsTheSameRowsAndTheRunningCapabilities() throws Exception {
        RunnerCapability orphan = new RunnerCapability("itest-orphan", Duration.ofMinutes(5));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Capability.NAME_PROPERTY, orphan.name());
        ServiceRegistration<Capability> registration = context.registerService(Capability.class, orphan, properties);
        try {
            String text = (String) execute("kr:capabilities");
            assertTrue(text, text.contains("feature core: running, enabled by flags"));
            assertTrue(text, text.contains("feature metrics: running, enabled by flags"));
            assertTrue(text, text.contains("feature webconsole: running, enabled by flags"));
            assertTrue(text, text.contains("bundle io.kuberouter:io.kuberouter.webconsole (level 4): ACTIVE"));
            assertTrue(text, text.contains("capabilities without a feature descriptor:\n  capability itest-orphan"));
            assertTrue(text, text.contains("heartbeat sync: no heartbeat yet, period 300 s, fresh"));
            assertTrue(text, text.contains("owns chains KUBE-ITEST-"));
            assertTrue(text, text.contains("owns route tables 77"));
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void krCapabilityRefusesToStopThePlatform() throws Exception {
        try {
            execute("kr:capability stop core");
            fail("core was stopped");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("core"));
        }
    }

    @Test
    public void krJfrRecordsAndDumpsAFlightRecording() throws Exception {
        Path file = Files.createTempFile("kube-router-", ".jfr");
        try {
            assertEquals("no recording", execute("kr:jfr"));
            assertTrue(String.valueOf(execute("kr:jfr start")).startsWith("recording started"));
            assertEquals("dumped to " + file, execute("kr:jfr dump " + file));
            assertTrue(Files.size(file) > 0);
            assertEquals("recording stopped", execute("kr:jfr stop"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Object execute(String command) throws Exception {
        awaitCommands();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            return session.execute(command);
        } finally {
            session.close();
        }
    }

    /** Gogo knows a command as soon as its service is registered: wait for the two this class runs. */
    private void awaitCommands() throws Exception {
        for (int i = 0; i < 300; i++) {
            ServiceReference<?>[] commands = context.getServiceReferences((String) null,
                    "(&(osgi.command.scope=kr)(|(osgi.command.function=capabilities)(osgi.command.function=jfr)))");
            if (commands != null && commands.length == 2) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the kr:* commands did not register within 30 s");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertTrue(page, matcher.find());
        return matcher.group(1);
    }

    private static HttpRequest.Builder get() {
        return HttpRequest.newBuilder(URI.create(System.getProperty("itest.page")));
    }

    private static HttpRequest.Builder post(String token, String action, String feature) {
        String form = "token=" + token + "&action=" + action + "&feature=" + feature;
        return HttpRequest.newBuilder(URI.create(System.getProperty("itest.page")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String credentials)
            throws IOException, InterruptedException {
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page once it answers 200 and contains {@code expected}; the console registers plugins lazily. */
    private static String awaitPage(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = send(get(), "admin:" + PASSWORD);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains(expected)) {
                    return r.body();
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        fail("the Capabilities page did not show " + expected + " within 30 s; last: " + last);
        return last;
    }
}
