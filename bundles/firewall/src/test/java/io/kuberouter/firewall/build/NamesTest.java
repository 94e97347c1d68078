package io.kuberouter.firewall.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names against values computed independently (Python {@code base64.b32encode(hashlib.sha256(s))[:16]}) and the
 * names in upstream's fixture {@code testdata/ipset_test_1/ipset_save.txt}.
 */
class NamesTest {

    @Test
    void targetSetsHashNamespaceNameAndFamilyLikeUpstreamsFixture() {
        assertEquals("KUBE-SRC-C2EUPKL23CCP4COF", Names.targetSourceSet("defaultdebug", IpFamily.IPV4));
        assertEquals("KUBE-DST-IZ5JGF4W6BKI7CEV", Names.targetDestinationSet("defaultwhoami", IpFamily.IPV4));
        assertEquals("inet6:KUBE-SRC-VY6KNKQ4BF6Y4J2K", Names.targetSourceSet("defaultdebug", IpFamily.IPV6));
        assertEquals("inet6:KUBE-DST-GZIEGRFLGG6BN3N7", Names.targetDestinationSet("defaultwhoami", IpFamily.IPV6));
    }

    @Test
    void ruleSetsHashTheRuleIndexAndKind() {
        assertEquals("KUBE-DST-P226T6HGLTLDGDLC", Names.egressPeerPodSet("defaultdebug", 0, IpFamily.IPV4));
        assertEquals("inet6:KUBE-DST-KSECZGZUJPU4SKA3", Names.egressPeerPodSet("defaultdebug", 0, IpFamily.IPV6));
        assertEquals("KUBE-SRC-KLLOHJLFVAV654Z2", Names.ingressIpBlockSet("defaultwhoami", 0, IpFamily.IPV4));
        assertEquals("KUBE-SRC-4NYDTCW6OPCN2YZW", Names.ingressPeerPodSet("defaultwhoami", 0, IpFamily.IPV4));
    }

    @Test
    void chainsHashIdentityVersionAndForPoliciesTheFamily() {
        assertEquals("KUBE-POD-FW-PVP76UW3KYQOBOCP", Names.podChain("xa", "1700000000000000000"));
        assertEquals("KUBE-NWPLCY-YABXQXLPMZF6SOBC", Names.policyChain("xdeny", "1700000000000000000",
                IpFamily.IPV4));
    }

    @Test
    void positionedRulesCarryTheHashOfChainAndArguments() {
        assertEquals("4IA2OSFRMVNDXBVV", Names.ruleUuid("INPUT",
                List.of("-m", "comment", "--comment", "kube-router netpol", "-j", "KUBE-ROUTER-INPUT")));
        assertEquals("BVHX2PIHDXXEO43X", Names.ruleUuid("KUBE-ROUTER-INPUT", List.of("-m", "comment", "--comment",
                "allow traffic to primary/secondary cluster IP range", "-d", "10.96.0.0/12", "-j", "RETURN")));
    }

    @Test
    void identitiesConcatenateLikeUpstreamAndSeparateCollisions() {
        assertEquals("defaultwhoami", Names.identity("default", "whoami"));
        Identities ids = new Identities(List.of(new ObjectKey("ab", "c"),
                new ObjectKey("a", "bc")));
        assertEquals("abc", ids.of(new ObjectKey("a", "bc")));
        assertEquals("ab/c", ids.of(new ObjectKey("ab", "c")));
    }
}
