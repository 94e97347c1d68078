package io.kuberouter.itests;

import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.kuberouter.api.capability.Capability;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * {@code /healthz} judges every running capability's heartbeats by kube-router's rule: a
 * capability whose runner is blocked turns it to 500 naming the capability and its controller; a
 * fresh heartbeat, or the capability going away, turns it back to 200.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HealthFlipIT {

    /** Stale after period + time to first beat + 1.5 s without a beat: about 2.5 s here. */
    private static final Duration PERIOD = Duration.ofSeconds(1);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        int healthPort = MockApi.freePort();
        return AgentOptions.agent(List.of(
                systemProperty("itest.healthz").value("http://127.0.0.1:" + healthPort + "/healthz")),
                "--master=" + api.url(), "--hostname-override=n1",
                "--health-addr=127.0.0.1", "--health-port=" + healthPort);
    }

    @Test
    public void aBlockedRunnerTurnsHealthzTo500NamingItUntilItBeatsAgain() throws Exception {
        RunnerCapability capability = new RunnerCapability("itest-blocked", PERIOD);
        ServiceRegistration<Capability> registration = register(capability);
        try {
            capability.start();
            awaitHealthz(200, body -> body.equals("OK\n"));
            capability.block();
            awaitHealthz(500, body -> body.startsWith("Unhealthy") && body.contains("itest-blocked/sync"));
            capability.release();
            awaitHealthz(200, body -> body.equals("OK\n"));
        } finally {
            registration.unregister();
            capability.stop();
        }
    }

    @Test
    public void aStaleCapabilityGoingAwayTurnsHealthzBackTo200() throws Exception {
        RunnerCapability capability = new RunnerCapability("itest-going", PERIOD);
        ServiceRegistration<Capability> registration = register(capability);
        try {
            capability.start();
            capability.block();
            awaitHealthz(500, body -> body.contains("itest-going/sync"));
        } finally {
            registration.unregister();
            capability.stop();
        }
        awaitHealthz(200, body -> body.equals("OK\n"));
    }

    private ServiceRegistration<Capability> register(Capability capability) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Capability.NAME_PROPERTY, capability.name());
        return context.registerService(Capability.class, capability, properties);
    }

    private static void awaitHealthz(int status, Predicate<String> body) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(System.getProperty("itest.healthz"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == status && body.test(r.body())) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        fail("/healthz did not answer " + status + " as expected within 15 s; last: " + last);
    }
}
