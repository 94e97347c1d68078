package io.kuberouter.dsr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import org.junit.jupiter.api.Test;

class DsrMarksTest {

    @Test
    void theMarkIsFnv32aOfIpProtocolPortMaskedTo14BitsAsUpstream() {
        // Go: fnv.New32a().Write([]byte("192.0.2.10-tcp-80")); Sum32() & 0x3FFF
        assertEquals(0x3D9D, DsrMarks.hash("192.0.2.10", "tcp", "80"));
        assertEquals(4554, DsrMarks.hash("10.0.0.1", "udp", "53"));
        assertEquals(0x3D9D, new DsrMarks().markOf(frontend("192.0.2.10", Protocol.TCP, 80)).orElseThrow());
    }

    @Test
    void aMarkIsStableAndACollisionRetriesWithAPortSuffix() {
        DsrMarks marks = new DsrMarks();
        Frontend first = frontend("192.0.2.10", Protocol.TCP, 80);
        int mark = marks.markOf(first).orElseThrow();
        assertEquals(mark, marks.markOf(first).orElseThrow());
        Frontend colliding = findCollision(mark);
        int other = marks.markOf(colliding).orElseThrow();
        assertNotEquals(mark, other);
        assertEquals(DsrMarks.hash(colliding.address(), "tcp", colliding.port() + "-0"), other);
    }

    private static Frontend findCollision(int mark) {
        for (int port = 1; port < 65536; port++) {
            for (int host = 1; host < 255; host++) {
                String ip = "198.51.100." + host;
                if (DsrMarks.hash(ip, "tcp", Integer.toString(port)) == mark) {
                    return frontend(ip, Protocol.TCP, port);
                }
            }
        }
        throw new AssertionError("no collision found");
    }

    static Frontend frontend(String ip, Protocol protocol, int port) {
        return new Frontend(FrontendKind.EXTERNAL_IP, ip, protocol, port);
    }
}
