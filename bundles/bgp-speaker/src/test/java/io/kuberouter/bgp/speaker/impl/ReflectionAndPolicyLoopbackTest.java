package io.kuberouter.bgp.speaker.impl;

import static io.kuberouter.bgp.speaker.impl.LoopbackSpeakers.address;
import static io.kuberouter.bgp.speaker.impl.LoopbackSpeakers.await;
import static io.kuberouter.bgp.speaker.impl.SpeakerLoopbackTest.PREFIX;
import static io.kuberouter.bgp.speaker.impl.SpeakerLoopbackTest.TIMEOUT;
import static io.kuberouter.bgp.speaker.impl.SpeakerLoopbackTest.established;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.bgp.speaker.policy.Actions;
import io.kuberouter.bgp.speaker.policy.Conditions;
import io.kuberouter.bgp.speaker.policy.Policy;
import io.kuberouter.bgp.speaker.policy.PolicyAssignment;
import io.kuberouter.bgp.speaker.policy.RouteDisposition;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import io.kuberouter.bgp.speaker.policy.Statement;

/** Route reflection (RFC 4456) and policy changes between loopback speakers. */
class ReflectionAndPolicyLoopbackTest {

    @Test
    void reflectorPassesRoutesBetweenItsClients() {
        try (LoopbackSpeakers speakers = new LoopbackSpeakers()) {
            BgpSpeaker a = speakers.start(1, 65000);
            BgpSpeaker b = speakers.start(2, 65000);
            BgpSpeaker reflector = speakers.start(3, 65000);
            for (int client : new int[] {1, 2}) {
                reflector.addPeer(speakers.peer(client, 65000, 3).routeReflectorClient(true)
                        .clusterId(address(100)).build());
            }
            a.addPeer(speakers.peer(3, 65000, 1).build());
            b.addPeer(speakers.peer(3, 65000, 2).build());
            await("clients up", TIMEOUT, () -> established(reflector, 1) && established(reflector, 2));
            a.originate(LocalRoute.of(PREFIX, address(1)));
            await("reflected route at b", TIMEOUT, () -> b.localRibSize(AddressFamily.IPV4_UNICAST) == 1);
            Route route = b.localRib(AddressFamily.IPV4_UNICAST).get(0);
            assertEquals(address(1), route.nextHop(), "next hop unchanged inside the AS");
            assertEquals(Optional.of(address(1)), route.originatorId());
            assertEquals(List.of(address(100)), route.clusterList());
            assertEquals(100, route.localPref().orElseThrow());
        }
    }

    @Test
    void newExportPolicyIsAppliedToWhatWasAlreadyAdvertised() {
        try (LoopbackSpeakers speakers = new LoopbackSpeakers()) {
            BgpSpeaker a = speakers.start(1, 65001);
            BgpSpeaker b = speakers.start(2, 65002);
            a.setPolicy(exportOnly(Actions.REJECT));
            SpeakerLoopbackTest.connect(speakers, a, 1, 65001, b, 2, 65002);
            a.originate(LocalRoute.of(PREFIX, address(1)));
            Actions tagged = new Actions(RouteDisposition.ACCEPT, Optional.empty(), false,
                    List.of(new Community(65001, 42)));
            a.setPolicy(exportOnly(tagged));
            await("route after the policy change", TIMEOUT, () -> b.localRibSize(AddressFamily.IPV4_UNICAST) == 1);
            assertEquals(List.of(new Community(65001, 42)), b.localRib(AddressFamily.IPV4_UNICAST).get(0).communities());
            a.setPolicy(exportOnly(Actions.REJECT));
            await("withdrawn by the policy", TIMEOUT, () -> b.localRibSize(AddressFamily.IPV4_UNICAST) == 0);
            assertTrue(a.adjRibOut(address(2), AddressFamily.IPV4_UNICAST).isEmpty());
        }
    }

    private static RoutingPolicy exportOnly(Actions actions) {
        return new RoutingPolicy(List.of(), List.of(),
                List.of(new Policy("export", List.of(new Statement("all", Conditions.ALWAYS, actions)))),
                PolicyAssignment.ACCEPT_ALL, new PolicyAssignment(List.of("export"), RouteDisposition.REJECT));
    }
}
