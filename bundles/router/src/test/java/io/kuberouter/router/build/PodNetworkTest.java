package io.kuberouter.router.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PodNetworkTest {

    @Test
    void autoMtuTakesTheNodeInterfacesMtuWithoutOverlayOverheadAsUpstreamsCode() {
        PodNetwork network = PodNetwork.of("eth0", 9001, true);

        assertEquals(OptionalInt.of(9001), network.bridgeMtu());
        assertEquals(ForwardRules.of("eth0"), network.forwardRules());
    }

    @Test
    void withoutAutoMtuTheMtuIsLeftAlone() {
        assertEquals(OptionalInt.empty(), PodNetwork.of("eth0", 9001, false).bridgeMtu());
    }
}
