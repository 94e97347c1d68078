package io.kuberouter.itests;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;

/**
 * fabric8's mock API server in CRUD mode on loopback, outside the framework, seeded with this
 * agent's Node {@code n1}. It lives as long as the test JVM.
 */
record MockApi(KubernetesMockServer server, String url) {

    static MockApi start() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try (KubernetesClient client = server.createClient()) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                    .withNewSpec().withPodCIDR("10.244.1.0/24").endSpec()
                    .withNewStatus().addNewAddress("10.0.0.1", "InternalIP").endStatus().build()).create();
            return new MockApi(server, client.getMasterUrl().toString());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
