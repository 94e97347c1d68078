package io.kuberouter.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The Web Console answers only the operator's credentials, and only on 127.0.0.1. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebConsoleIT {

    private static final String PASSWORD = "n0t-admin";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        int port = MockApi.freePort();
        return AgentOptions.agent(List.of(
                systemProperty("itest.console").value("http://127.0.0.1:" + port + "/system/console/bundles")),
                "--master=" + api.url(), "--hostname-override=n1", "--health-port=0",
                "--webconsole-password=" + PASSWORD, "--webconsole-port=" + port,
                // without a capability to run the launcher plans no console; none may run in the host's namespace
                "--node-capabilities");
    }

    @Test
    public void onlyTheOperatorsCredentialsAreAccepted() throws Exception {
        assertEquals(401, status(null));
        assertEquals(401, status("admin:admin"));
        assertEquals(401, status("admin:wrong"));
        assertEquals(200, status("admin:" + PASSWORD));
    }

    @Test
    public void theHttpServerListensOnLoopbackOnly() throws Exception {
        ServiceReference<?>[] runtimes = awaitRuntime();
        String[] endpoints = (String[]) runtimes[0].getProperty("osgi.http.endpoint");
        for (String endpoint : endpoints) {
            assertEquals(Arrays.toString(endpoints), "127.0.0.1", URI.create(endpoint).getHost());
        }
    }

    private ServiceReference<?>[] awaitRuntime() throws Exception {
        for (int i = 0; i < 200; i++) {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(osgi.http.endpoint=*)");
            if (refs != null) {
                return refs;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no HTTP runtime registered");
    }

    private static int status(String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(System.getProperty("itest.console")));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 404 || attempt > 100) {
                    assertNotNull(r);
                    return r.statusCode();
                }
            } catch (java.net.ConnectException notYet) {
                if (attempt > 100) {
                    throw notYet;
                }
            }
            Thread.sleep(100);
        }
    }
}
