package io.kuberouter.proxy.model;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.proxy.fixture.SliceBuilder.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.proxy.fixture.SliceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

    @Test
    void backendsAreSpreadPerNodeAndStableAcrossBuilds() {
        SliceBuilder builder = slice("shop", "web-1", "web").port("http", TCP, 8080);
        for (int i = 1; i <= 20; i++) {
            builder.ready("10.244.1." + i, "n" + (i % 3));
        }
        EndpointSlice slice = builder.build();
        List<Backend> onN1 = ServiceEndpoints.byPortName(List.of(slice), "n1").get("http");
        List<Backend> onN2 = ServiceEndpoints.byPortName(List.of(slice), "n2").get("http");
        assertEquals(onN1, ServiceEndpoints.byPortName(List.of(slice), "n1").get("http"));
        assertNotEquals(onN1.stream().map(Backend::id).toList(), onN2.stream().map(Backend::id).toList());
        assertEquals(20, onN1.size());
        assertTrue(onN1.stream().filter(Backend::local).allMatch(b -> b.nodeName().equals("n1")));
        assertEquals(7, onN1.stream().filter(Backend::local).count());
    }

    @Test
    void backendsCarryPodAndConditions() {
        EndpointSlice slice = slice("shop", "web-1", "web").port("http", TCP, 8080)
                .endpoint("10.244.1.5", "n1", false, true, true).build();
        Backend b = ServiceEndpoints.byPortName(List.of(slice), "n1").get("http").get(0);
        assertEquals(new Backend("10.244.1.5", 8080, "n1", slice.endpoints().get(0).pod(), true, false, true), b);
    }
}
