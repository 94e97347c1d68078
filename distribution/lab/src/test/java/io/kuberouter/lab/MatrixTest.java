package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatrixTest {
    private static final Probe A_TO_B = new Probe("lab/a", "pod lab/b", "10.244.2.10", 8080, "TCP", "b");
    private static final Probe A_TO_SVC = new Probe("lab/a", "service lab/web", "10.96.0.80", 80, "TCP",
            Probe.UNREACHABLE);
    private static final Probe B_TO_A = new Probe("lab/b", "pod lab/a", "10.244.1.10", 5353, "UDP", Probe.TIMEOUT);
    private final Matrix matrix = new Matrix("demo", List.of(A_TO_B, A_TO_SVC, B_TO_A));

    @Test
    void jsonRoundTripsWithOneProbePerLine() {
        String json = matrix.toJson();
        assertEquals(5, json.lines().count());
        Matrix parsed = Matrix.parse(json);
        assertEquals("demo", parsed.scenario());
        assertEquals(matrix.probes(), parsed.probes());
    }

    @Test
    void expectedMatricesNeedNoAddresses() {
        Matrix expected = Matrix.parse("""
                {"probes": [{"from": "lab/a", "target": "pod lab/b", "port": 8080, "protocol": "TCP", "result": "b"}]}
                """);
        assertEquals("", expected.probes().get(0).address());
        assertEquals(Optional.of("b"), matrix.result("lab/a -> pod lab/b 8080/TCP"));
    }

    @Test
    void differencesNameChangedMissingAndExtraCells() {
        Matrix expected = new Matrix("demo", List.of(A_TO_B,
                new Probe("lab/b", "pod lab/a", "", 5353, "UDP", "a"),
                new Probe("lab/b", "pod lab/b", "", 8080, "TCP", "b")));
        assertEquals(List.of(
                "lab/b -> pod lab/a 5353/UDP: expected a, got timeout",
                "lab/b -> pod lab/b 8080/TCP: expected b, not probed",
                "lab/a -> service lab/web 80/TCP: got unreachable, not in the expected matrix"),
                matrix.differences(expected));
        assertEquals(List.of(), matrix.differences(matrix));
    }

    @Test
    void tableHasARowPerSourceAndAColumnPerTargetAndPort() {
        assertEquals("""
                from \\ to  pod lab/b  service lab/web  pod lab/a
                           8080/TCP   80/TCP           5353/UDP
                lab/a      b          unreachable
                lab/b                                  timeout
                cell: the pod that answered, or timeout / refused / unreachable / unsupported
                """, matrix.table());
    }

    @Test
    void onlyPodNamesCountAsAnswers() {
        assertTrue(A_TO_B.answered());
        for (String failure : List.of(Probe.TIMEOUT, Probe.REFUSED, Probe.UNREACHABLE, Probe.UNSUPPORTED, "error: x")) {
            assertFalse(new Probe("a", "b", "", 1, "TCP", failure).answered(), failure);
        }
    }

    @Test
    void malformedJsonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Matrix.parse("{probes: ["));
    }
}
