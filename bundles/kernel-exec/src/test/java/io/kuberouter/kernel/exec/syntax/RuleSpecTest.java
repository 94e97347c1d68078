package io.kuberouter.kernel.exec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleSpecTest {

    @Test
    void normalisesToSavedForm() {
        RuleSpec desired = RuleSpec.parse("--source 10.0.0.5 -d 10.96.0.0/12 --protocol tcp --dport 80 --jump ACCEPT");
        RuleSpec saved = RuleSpec.parse("-s 10.0.0.5/32 -d 10.96.0.0/12 -p tcp -m tcp --dport 80 -j ACCEPT");
        assertEquals(saved, desired);
        assertEquals("-s 10.0.0.5/32 -d 10.96.0.0/12 -p tcp -m tcp --dport 80 -j ACCEPT", desired.toString());
    }

    @Test
    void implicitMatchGoesBeforeFirstProtocolOption() {
        assertEquals(List.of("-p", "udp", "-m", "comment", "--comment", "dns", "-m", "udp", "--dport", "53", "-j",
                "ACCEPT"), RuleSpec.parse("-p udp -m comment --comment dns --dport 53 -j ACCEPT").args());
        assertEquals(RuleSpec.parse("-p tcp -m tcp --dport 1"), RuleSpec.parse("-p tcp -m tcp --dport 1"));
    }

    @Test
    void quotesRoundTrip() {
        RuleSpec r = RuleSpec.parse("-m comment --comment \"kube-router netpol - ABC\" -j KUBE-ROUTER-INPUT");
        assertEquals("kube-router netpol - ABC", r.args().get(3));
        assertEquals("-m comment --comment \"kube-router netpol - ABC\" -j KUBE-ROUTER-INPUT", r.toString());
        assertEquals(Optional.of("KUBE-ROUTER-INPUT"), r.target());
        assertEquals(r, RuleSpec.parse(r.toString()));
        assertEquals(List.of("a \"q\" b"), Args.split(Args.join(List.of("a \"q\" b"))));
    }

    @Test
    void hostBitsAreMaskedLikeTheKernel() {
        assertEquals("10.0.0.0/24", RuleSpec.parse("-s 10.0.0.7/24").args().get(1));
        assertEquals("fd00::1/128", RuleSpec.parse("-d fd00:0::1").args().get(1));
        assertEquals("some-host", RuleSpec.parse("-s some-host").args().get(1));
    }

    @Test
    void unterminatedQuoteIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Args.split("--comment \"open"));
    }
}
