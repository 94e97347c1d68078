package io.kuberouter.proxy.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kuberouter.api.cluster.ObjectKey;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real servers on loopback, ports taken from the kernel's ephemeral range. */
class HealthCheckResponderTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ObjectKey WEB = new ObjectKey("shop", "web");
    private final List<String> skipped = new ArrayList<>();
    private final HealthCheckResponder responder = new HealthCheckResponder(LOOPBACK, skipped::add);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() {
        responder.close();
    }

    @Test
    void answersWithTheLocalEndpointCountAndUpdatesWithoutRestart() throws Exception {
        int port = freePort();
        responder.apply(Map.of(port, new HealthCheck(WEB, 2)));
        HttpResponse<String> ok = get(port, "/healthz");
        assertEquals(200, ok.statusCode());
        assertEquals("2 Service Endpoints found\n", ok.body());
        assertEquals("text/plain; charset=utf-8", ok.headers().firstValue("Content-Type").orElseThrow());

        responder.apply(Map.of(port, new HealthCheck(WEB, 0)));
        HttpResponse<String> none = get(port, "/healthz");
        assertEquals(503, none.statusCode());
        assertEquals("No Service Endpoints Found\n", none.body());
        assertEquals(404, get(port, "/other").statusCode());
        assertEquals(Set.of(port), responder.ports());
    }

    @Test
    void closesPortsNoLongerWanted() throws Exception {
        int port = freePort();
        responder.apply(Map.of(port, new HealthCheck(WEB, 1)));
        responder.apply(Map.of());
        assertEquals(Set.of(), responder.ports());
        assertThrows(ConnectException.class, () -> get(port, "/healthz"));
    }

    @Test
    void aPortInUseIsReportedOnceAndTheOthersServe() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            int busy = taken.getLocalPort();
            int free = freePort();
            Map<Integer, HealthCheck> desired = Map.of(busy, new HealthCheck(WEB, 1),
                    free, new HealthCheck(new ObjectKey("shop", "api"), 3));
            responder.apply(desired);
            responder.apply(desired);
            assertEquals(List.of(HealthCheckResponder.PORT_IN_USE), skipped);
            assertEquals(Set.of(free), responder.ports());
            assertEquals("3 Service Endpoints found\n", get(free, "/healthz").body());
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + LOOPBACK.getHostAddress() + ":" + port + path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }
}
