package io.kuberouter.bgp.speaker.impl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.LocalPref;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.speaker.impl.policy.PolicyEngine;
import io.kuberouter.bgp.speaker.impl.rib.AttributeCodec;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.NextHops;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.rib.PathSources;
import io.kuberouter.bgp.speaker.policy.Actions;
import io.kuberouter.bgp.speaker.policy.AsPathPrepend;
import io.kuberouter.bgp.speaker.policy.Conditions;
import io.kuberouter.bgp.speaker.policy.Policy;
import io.kuberouter.bgp.speaker.policy.PolicyAssignment;
import io.kuberouter.bgp.speaker.policy.RouteDisposition;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import io.kuberouter.bgp.speaker.policy.Statement;

/**
 * What a peer gets for a best path: the advertisement rules of RFC 4271 §9.2, RFC 4456 §6 and RFC
 * 1997, and the attribute changes of RFC 4271 §5.1 / RFC 4456 §7. Local AS 65000, router id
 * 10.0.0.1, cluster id 10.0.0.100.
 */
class ExportRulesTest {

    private static final String PREFIX = "10.244.0.0/24";
    private static final Inet4Address CLUSTER = address("10.0.0.100");

    private final AttributeInterner interner = new AttributeInterner(new AttributeCodec(BgpCodecs.standardRegistry().attributes()));
    private final PathSources sources = new PathSources(source(0, "10.0.0.1", false, false));
    private final FamilyRib rib = new FamilyRib(AddressFamily.IPV4_UNICAST, sources, interner);
    private PolicyEngine policy = PolicyEngine.ACCEPT_ALL;
    private final ExportRules rules = new ExportRules(sources, interner, () -> policy);
    private final PathSource external = add(source(1, "192.0.2.1", true, false));
    private final PathSource otherExternal = add(source(2, "198.51.100.1", true, false));
    private final PathSource internal = add(source(3, "10.0.0.3", false, false));
    private final PathSource otherInternal = add(source(4, "10.0.0.4", false, false));
    private final PathSource client = add(source(5, "10.0.0.5", false, true));

    @Test
    void externalPeersGetOurAsPrependedAndOurAddressAsNextHop() {
        announce(internal, List.of(Origin.IGP, path(65010L), new LocalPref(300), new MultiExitDisc(5)), "10.0.0.9");
        List<PathAttribute> sent = exported(external);
        assertEquals(List.of(Origin.IGP, path(65000L, 65010L)), sent, "no LOCAL_PREF, no foreign MED");
        assertEquals("10.0.0.1", nextHop(external));
    }

    @Test
    void localRoutesKeepTheirNextHopTowardsExternalPeers() {
        announce(sources.get(0), List.of(Origin.IGP, AsPath.EMPTY), "10.0.0.1");
        announce(sources.get(0), List.of(Origin.IGP, AsPath.EMPTY), "10.244.0.1");
        assertEquals(List.of(Origin.IGP, path(65000L)), exported(external));
        assertEquals("10.244.0.1", nextHop(external));
    }

    @Test
    void internalPeersGetLocalPrefAndTheUnchangedNextHop() {
        announce(external, List.of(Origin.IGP, path(65010L)), "192.0.2.1");
        assertEquals(List.of(Origin.IGP, path(65010L), new LocalPref(100)), exported(internal));
        assertEquals("192.0.2.1", nextHop(internal));
    }

    @Test
    void internalRoutesGoToInternalPeersOnlyByReflection() {
        announce(internal, List.of(Origin.IGP, path(65010L), new LocalPref(100)), "10.0.0.9");
        assertNull(export(otherInternal), "RFC 4271 §9.2: not to another internal peer");
        List<PathAttribute> reflected = exported(client);
        assertTrue(reflected.contains(new OriginatorId(address("10.0.0.3"))), reflected.toString());
        assertTrue(reflected.contains(new ClusterList(List.of(CLUSTER))), reflected.toString());
    }

    @Test
    void neverBackToItsSource() {
        announce(external, List.of(Origin.IGP, path(65010L)), "192.0.2.1");
        assertNull(export(external));
        assertTrue(export(otherExternal) != null);
    }

    @Test
    void wellKnownCommunitiesLimitTheAdvertisement() {
        announce(internal, List.of(Origin.IGP, AsPath.EMPTY, new Communities(List.of(Community.NO_EXPORT))), "10.0.0.9");
        assertNull(export(external));
        assertTrue(export(client) != null);
        announce(internal, List.of(Origin.IGP, AsPath.EMPTY, new Communities(List.of(Community.NO_ADVERTISE))),
                "10.0.0.9");
        assertNull(export(client));
    }

    @Test
    void exportPolicyActionsApplyAfterThePeerTypeRewrite() {
        Actions actions = new Actions(RouteDisposition.ACCEPT, Optional.of(new AsPathPrepend(65000, 2)), true,
                List.of(new Community(65000, 7)));
        policy = PolicyEngine.compile(new RoutingPolicy(List.of(), List.of(),
                List.of(new Policy("out", List.of(new Statement("all", Conditions.ALWAYS, actions)))),
                PolicyAssignment.ACCEPT_ALL, new PolicyAssignment(List.of("out"), RouteDisposition.REJECT)));
        announce(sources.get(0), List.of(Origin.IGP, AsPath.EMPTY), "10.244.0.1");
        assertEquals(List.of(Origin.IGP, path(65000L, 65000L, 65000L), new Communities(List.of(new Community(65000, 7)))),
                exported(external));
        assertEquals("10.0.0.1", nextHop(external), "next-hop-self");
    }

    private void announce(PathSource source, List<PathAttribute> attributes, String nextHop) {
        PathAttributes interned = interner.intern(attributes, address(nextHop).getAddress());
        rib.update(source.index(), IpPrefix.parse(PREFIX), interned, interned);
        interner.release(interned);
    }

    private PathAttributes export(PathSource target) {
        RewriteMemo memo = new RewriteMemo(interner);
        PathAttributes result = rules.decide(new ExportTarget(target, 65000, address("10.0.0.1")), rib,
                rib.prefixes().find(IpPrefix.parse(PREFIX)), memo);
        memo.clear();
        return result;
    }

    private List<PathAttribute> exported(PathSource target) {
        return new ArrayList<>(interner.decode(export(target)));
    }

    private String nextHop(PathSource target) {
        return export(target).nextHopAddress().getHostAddress();
    }

    private PathSource add(PathSource source) {
        sources.reserve();
        sources.put(source);
        return source;
    }

    private static PathSource source(int index, String address, boolean external, boolean client) {
        return new PathSource(index, address(address), external, client, NextHops.unsigned(address(address)), CLUSTER);
    }

    private static AsPath path(Long... asNumbers) {
        return new AsPath(List.of(AsPathSegment.sequence(asNumbers)));
    }

    private static Inet4Address address(String literal) {
        return (Inet4Address) IpPrefix.parse(literal + "/32").address();
    }
}
