package io.kuberouter.router.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.AsPathPrepend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NodeAnnotationsTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void yamlPeersWithBase64Passwords() {
        NodeBgp bgp = parse(Map.of(NodeAnnotations.PEERS, """
                - remoteip: 10.0.0.1
                  remoteasn: 65000
                  password: c2VjcmV0
                - remoteip: 10.0.0.2
                  remoteasn: 65001
                  port: 1790
                  localip: 10.99.0.1
                """), NodeBgp.NONE);

        assertEquals(2, bgp.peers().size());
        assertEquals(new ExternalPeer(NodeAnnotations.ip("10.0.0.1"), 65000, 179, Optional.of("secret"),
                Optional.empty()), bgp.peers().get(0));
        assertEquals(new ExternalPeer(NodeAnnotations.ip("10.0.0.2"), 65001, 1790, Optional.empty(),
                Optional.of(NodeAnnotations.ip("10.99.0.1"))), bgp.peers().get(1));
        assertEquals(List.of(), problems);
    }

    @Test
    void badYamlIsReportedAndKeepsThePreviousPeers() {
        NodeBgp previous = parse(Map.of(NodeAnnotations.PEERS, "- {remoteip: 10.0.0.1, remoteasn: 65000}"),
                NodeBgp.NONE);

        NodeBgp next = parse(Map.of(NodeAnnotations.PEERS, "- remoteip: [10.0.0.9\n  remoteasn"), previous);

        assertEquals(previous.peers(), next.peers());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(NodeAnnotations.PEERS) && problems.get(0).contains("previous peers"),
                problems.get(0));
    }

    @Test
    void peerWithoutAsnIsRejectedAsAWhole() {
        NodeBgp previous = parse(Map.of(NodeAnnotations.PEERS, "- {remoteip: 10.0.0.1, remoteasn: 65000}"),
                NodeBgp.NONE);

        NodeBgp next = parse(Map.of(NodeAnnotations.PEERS, "- {remoteip: 10.0.0.1}"), previous);

        assertEquals(previous.peers(), next.peers());
        assertTrue(problems.get(0).contains("remoteasn"), problems.toString());
    }

    @Test
    void legacyPeerAnnotations() {
        NodeBgp bgp = parse(Map.of(NodeAnnotations.PEER_IPS, "10.0.0.1,10.0.0.2", NodeAnnotations.PEER_ASNS,
                "65000,65001", NodeAnnotations.PEER_PASSWORDS, "c2VjcmV0,", NodeAnnotations.PEER_PORTS, "179,1790"),
                NodeBgp.NONE);

        assertEquals(List.of(new ExternalPeer(NodeAnnotations.ip("10.0.0.1"), 65000, 179, Optional.of("secret"),
                Optional.empty()), new ExternalPeer(NodeAnnotations.ip("10.0.0.2"), 65001, 1790, Optional.empty(),
                Optional.empty())), bgp.peers());
    }

    @Test
    void legacyCountMismatchIsReported() {
        NodeBgp bgp = parse(Map.of(NodeAnnotations.PEER_IPS, "10.0.0.1,10.0.0.2", NodeAnnotations.PEER_ASNS,
                "65000"), NodeBgp.NONE);

        assertEquals(List.of(), bgp.peers());
        assertEquals(1, problems.size());
    }

    @Test
    void reservedPeerAsnIsRefused() {
        parse(Map.of(NodeAnnotations.PEERS, "- {remoteip: 10.0.0.1, remoteasn: 23456}"), NodeBgp.NONE);

        assertTrue(problems.get(0).contains("23456"), problems.toString());
    }

    @Test
    void asnRouteReflectionPrependCommunitiesAndImportReject() {
        NodeBgp bgp = parse(Map.of(NodeAnnotations.NODE_ASN, "64600", NodeAnnotations.RR_SERVER, "42",
                NodeAnnotations.PREPEND_AS, "64600", NodeAnnotations.PREPEND_REPEAT, "3",
                NodeAnnotations.COMMUNITIES, "no-export,64600:10,4294967041,bogus",
                NodeAnnotations.IMPORT_REJECT, "192.168.0.0/16,fd00::/8,nonsense",
                NodeAnnotations.LOCAL_ADDRESSES, "10.99.0.1"), NodeBgp.NONE);

        assertEquals(OptionalLong.of(64600), bgp.asn());
        assertEquals(Optional.of("42"), bgp.rrServer());
        assertEquals(Optional.of(new AsPathPrepend(64600, 3)), bgp.prepend());
        assertEquals(List.of(Community.NO_EXPORT, new Community(64600, 10), Community.NO_EXPORT), bgp.communities());
        assertEquals(List.of(IpPrefix.parse("192.168.0.0/16"), IpPrefix.parse("fd00::/8")), bgp.importReject());
        assertEquals(List.of(NodeAnnotations.ip("10.99.0.1")), bgp.localAddresses());
        assertEquals(2, problems.size(), "bogus community and nonsense CIDR: " + problems);
    }

    @Test
    void badAsnIsReported() {
        NodeBgp bgp = parse(Map.of(NodeAnnotations.NODE_ASN, "sixty-four"), NodeBgp.NONE);

        assertEquals(OptionalLong.empty(), bgp.asn());
        assertTrue(problems.get(0).contains(NodeAnnotations.NODE_ASN));
    }

    private NodeBgp parse(Map<String, String> annotations, NodeBgp previous) {
        return NodeAnnotations.parse(annotations, previous, problems::add);
    }
}
