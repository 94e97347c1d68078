package io.kuberouter.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricType;
import io.prometheus.metrics.model.registry.Collector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The Prometheus endpoint of the metrics feature, scraped the way Prometheus scrapes it. The
 * Prometheus Java client has no text-format parser; its exposition bundle does carry the protobuf
 * {@code MetricFamily} parser, so the scrapes negotiate the delimited protobuf format (which the
 * endpoint serves, like Go's promhttp) and parse it with the client library's own classes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT {

    private static final String PROTOBUF =
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        int port = MockApi.freePort();
        return AgentOptions.agent(List.of(
                systemProperty("itest.metrics").value("http://127.0.0.1:" + port)),
                "--master=" + api.url(), "--hostname-override=n1", "--health-port=0",
                "--metrics-addr=127.0.0.1", "--metrics-port=" + port, "--metrics-path=/metrics");
    }

    @Test
    public void buildInfoAndTheJvmAndProcessMetricsAreServed() throws Exception {
        Map<String, MetricFamily> families = awaitScrape(f -> f.containsKey("kube_router_build_info"));
        MetricFamily info = families.get("kube_router_build_info");
        assertEquals(MetricType.GAUGE, info.getType());
        assertEquals(1.0, info.getMetric(0).getGauge().getValue(), 0);
        List<String> labels = info.getMetric(0).getLabelList().stream().map(l -> l.getName()).toList();
        assertEquals(List.of("goversion", "version"), labels);
        assertTrue(families.keySet().toString(), families.containsKey("process_cpu_seconds_total"));
        assertTrue(families.keySet().toString(), families.containsKey("jvm_memory_used_bytes"));
    }

    @Test
    public void aCapabilitysHistogramIsServedAfterItsSyncAndGoesAwayWithItsService() throws Exception {
        Histogram syncTime = Histogram.builder().name("kube_router_controller_itest_sync_time")
                .help("Time it took for the itest controller to sync").classicOnly().build();
        BoundedFrequencyRunner runner = BoundedFrequencyRunner.builder("itest-sync", () -> { })
                .minInterval(Duration.ZERO).maxInterval(Duration.ofMinutes(1)).retryInterval(Duration.ofMinutes(1))
                .listener(result -> syncTime.observe(result.duration().toNanos() / 1e9)).build();
        ServiceRegistration<Collector> registration = context.registerService(Collector.class, syncTime, null);
        try {
            runner.start();
            runner.run();
            Map<String, MetricFamily> families = awaitScrape(f -> f.containsKey("kube_router_controller_itest_sync_time")
                    && f.get("kube_router_controller_itest_sync_time").getMetric(0).getHistogram().getSampleCount() == 1);
            assertEquals(MetricType.HISTOGRAM, families.get("kube_router_controller_itest_sync_time").getType());
        } finally {
            registration.unregister();
            runner.stop(Duration.ofSeconds(5));
        }
        awaitScrape(f -> !f.containsKey("kube_router_controller_itest_sync_time"));
    }

    @Test
    public void theDefaultTextFormatCarriesTheSameNames() throws Exception {
        awaitScrape(f -> f.containsKey("kube_router_build_info"));
        HttpResponse<String> text = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(System.getProperty("itest.metrics") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, text.statusCode());
        assertTrue(text.headers().firstValue("Content-Type").orElse(""), text.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(text.body(), text.body().contains("# TYPE kube_router_build_info gauge"));
    }

    @Test
    public void everyOtherPathIsNotFound() throws Exception {
        HttpResponse<String> other = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(System.getProperty("itest.metrics") + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
    }

    @Test
    public void whileServingTheMetricsCapabilityBeatsForTheHealthEndpoint() throws Exception {
        awaitScrape(f -> f.containsKey("kube_router_build_info"));
        var references = context.getServiceReferences(Capability.class, "(kuberouter.capability=metrics)");
        assertEquals(1, references.size());
        Capability metrics = context.getService(references.iterator().next());
        assertNotNull(metrics);
        assertFalse(metrics.heartbeats().controllers().isEmpty());
        assertTrue(metrics.heartbeats().stale(Instant.now()).isEmpty());
    }

    private static Map<String, MetricFamily> awaitScrape(Predicate<Map<String, MetricFamily>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Map<String, MetricFamily> last = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                last = scrape();
                if (condition.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                // the endpoint is still starting
            }
            Thread.sleep(100);
        }
        fail("the scrape did not reach the expected content within 15 s: " + last.keySet());
        return last;
    }

    private static Map<String, MetricFamily> scrape() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty("itest.metrics") + "/metrics"))
                .header("Accept", PROTOBUF).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("scrape answered " + response.statusCode());
        }
        Map<String, MetricFamily> families = new HashMap<>();
        try (InputStream in = response.body()) {
            MetricFamily family;
            while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
                families.put(family.getName(), family);
            }
        }
        return families;
    }
}
