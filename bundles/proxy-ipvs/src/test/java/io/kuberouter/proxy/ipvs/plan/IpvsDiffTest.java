package io.kuberouter.proxy.ipvs.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpvsDiffTest {

    private static final ServiceKey KEY = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);
    private static final VirtualService RR = VirtualService.of(KEY, "rr");
    private static final Destination D1 = dest("10.244.1.5", 1);
    private static final Destination D2 = dest("10.244.2.6", 1);

    @Test
    void newServiceIsAddedThenItsDestinations() {
        KeyPlan plan = IpvsDiff.plan(KEY, null, new IpvsState(RR, List.of(D1, D2)), false);
        assertEquals(List.of(new IpvsOp.AddService(RR), new IpvsOp.AddDestination(KEY, D1),
                new IpvsOp.AddDestination(KEY, D2)), plan.ops());
    }

    @Test
    void unchangedStateNeedsNothing() {
        IpvsState state = new IpvsState(RR, List.of(D1, D2));
        KeyPlan plan = IpvsDiff.plan(KEY, state, new IpvsState(RR, List.of(D2, D1)), true);
        assertTrue(plan.empty());
        assertEquals(state.destinations().size(), plan.result().destinations().size());
    }

    @Test
    void schedulerAndFlagsAreUpdatedInPlace() {
        VirtualService sticky = new VirtualService(KEY, "lc", Set.of(ServiceFlag.PERSISTENT), 60, 32);
        KeyPlan plan = IpvsDiff.plan(KEY, new IpvsState(RR, List.of(D1)), new IpvsState(sticky, List.of(D1)), false);
        assertEquals(List.of(new IpvsOp.UpdateService(sticky)), plan.ops());
    }

    @Test
    void withoutGracefulTerminationAStaleDestinationIsDeleted() {
        KeyPlan plan = IpvsDiff.plan(KEY, new IpvsState(RR, List.of(D1, D2)), new IpvsState(RR, List.of(D2)), false);
        assertEquals(List.of(new IpvsOp.DeleteDestination(KEY, D1)), plan.ops());
        assertEquals(List.of(D1), plan.removed());
        assertEquals(List.of(D2), plan.result().destinations());
    }

    @Test
    void withGracefulTerminationAStaleDestinationDrainsAtWeightZeroAndIsLeftAloneAfterwards() {
        KeyPlan first = IpvsDiff.plan(KEY, new IpvsState(RR, List.of(D1, D2)), new IpvsState(RR, List.of(D2)), true);
        assertEquals(List.of(new IpvsOp.UpdateDestination(KEY, D1.withWeight(0))), first.ops());
        assertEquals(List.of(D1.withWeight(0)), first.draining());
        KeyPlan second = IpvsDiff.plan(KEY, first.result(), new IpvsState(RR, List.of(D2)), true);
        assertTrue(second.empty());
        assertEquals(List.of(D1.withWeight(0)), second.draining());
    }

    @Test
    void aDrainingDestinationThatIsDesiredAgainIsRestored() {
        KeyPlan plan = IpvsDiff.plan(KEY, new IpvsState(RR, List.of(D1.withWeight(0), D2)),
                new IpvsState(RR, List.of(D1, D2)), true);
        assertEquals(List.of(new IpvsOp.UpdateDestination(KEY, D1)), plan.ops());
        assertEquals(List.of(), plan.draining());
    }

    @Test
    void aServiceNoLongerDesiredIsDeletedWithItsDestinations() {
        KeyPlan plan = IpvsDiff.plan(KEY, new IpvsState(RR, List.of(D1)), null, true);
        assertEquals(List.of(new IpvsOp.DeleteService(KEY)), plan.ops());
        assertNull(plan.result());
        assertEquals(List.of(D1), plan.removed());
    }

    private static Destination dest(String ip, int weight) {
        return Destination.of(IpPrefix.address(ip), 8080, ForwardingMethod.MASQ, weight);
    }
}
