package io.kuberouter.bgp.speaker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Our speaker (AS 65000) against gobgpd (AS 65001) in network namespaces; see {@link Topology}.
 * Every claim is checked on both sides: our RIB through the speaker's commands, gobgpd's through
 * {@code gobgp global rib -j}.
 */
class GobgpInteropIT {

    private static final Duration UP = Duration.ofSeconds(15);
    private static final String TIMERS = """
              [neighbors.timers.config]
                connect-retry = 1
                hold-time = 3
                keepalive-interval = 1
            """;

    @Test
    void sessionsComeUpBothWaysAndCarryIpv4AndIpv6Routes() {
        try (Lab lab = Lab.create("gobgp-sessions")) {
            Topology net = Topology.build(lab);
            Gobgpd gobgpd = new Gobgpd(lab, net.peer(), "gobgpd", global()
                    + neighbor("10.99.1.1", "10.99.1.2", "ipv4-unicast", "    passive-mode = true\n")
                    + neighbor("fd99:1::1", "fd99:1::2", "ipv6-unicast", "")).start();
            try (SpeakerProcess speaker = net.startSpeaker(lab, "speaker.log")) {
                speaker.run("peer add 10.99.1.2 65001 local=10.99.1.1 hold=3 retry=1 families=ipv4");
                speaker.run("peer add fd99:1::2 65001 local=fd99:1::1 hold=3 retry=1 families=ipv6 passive");
                Await.until("IPv4 session we opened", UP, () -> speaker.established("10.99.1.2"));
                Await.until("IPv6 session gobgpd opened", UP, () -> speaker.established("fd99:1::2"));
                assertTrue(gobgpd.established("10.99.1.1") && gobgpd.established("fd99:1::1"));

                exchangeRoutes(speaker, gobgpd);
                exchangeWithdrawals(speaker, gobgpd);
            }
        }
    }

    private static void exchangeRoutes(SpeakerProcess speaker, Gobgpd gobgpd) {
        speaker.run("originate 10.244.0.0/24 10.99.1.1 65000:7");
        speaker.run("originate fd00:244::/64 fd99:1::1");
        gobgpd.add("ipv4", "10.244.1.0/24", "nexthop", "10.99.1.2", "med", "20");
        gobgpd.add("ipv6", "fd00:244:1::/64", "nexthop", "fd99:1::2");

        Await.until("our IPv4 route at gobgpd", UP, () -> gobgpd.route("ipv4", "10.244.0.0/24") != null);
        String ours = gobgpd.route("ipv4", "10.244.0.0/24");
        assertTrue(ours.contains("\"asns\":[65000]") && ours.contains("\"nexthop\":\"10.99.1.1\"")
                && ours.contains("\"communities\":[4259840007]"), ours);
        Await.until("our IPv6 route at gobgpd", UP, () -> gobgpd.route("ipv6", "fd00:244::/64") != null);
        assertTrue(gobgpd.route("ipv6", "fd00:244::/64").contains("\"nexthop\":\"fd99:1::1\""));

        Await.until("gobgpd's IPv4 route here", UP, () -> speaker.route("ipv4", "10.244.1.0/24") != null);
        String theirs = speaker.route("ipv4", "10.244.1.0/24");
        assertTrue(theirs.matches("10.244.1.0/24 10.99.1.2 aspath=65001 peer=10.99.1.2 .*"), theirs);
        Await.until("gobgpd's IPv6 route here", UP, () -> speaker.route("ipv6", "fd00:244:1::/64") != null);
        assertTrue(speaker.route("ipv6", "fd00:244:1::/64").contains(" aspath=65001 "));
    }

    private static void exchangeWithdrawals(SpeakerProcess speaker, Gobgpd gobgpd) {
        speaker.run("withdraw 10.244.0.0/24");
        gobgpd.delete("ipv6", "fd00:244:1::/64");
        Await.until("our withdrawal at gobgpd", UP, () -> gobgpd.route("ipv4", "10.244.0.0/24") == null);
        Await.until("gobgpd's withdrawal here", UP, () -> speaker.route("ipv6", "fd00:244:1::/64") == null);
        assertNotNull(gobgpd.route("ipv6", "fd00:244::/64"));
        assertNotNull(speaker.route("ipv4", "10.244.1.0/24"));
    }

    @Test
    void md5SignedSessionComesUpOnlyWithTheRightPassword() {
        try (Lab lab = Lab.create("gobgp-md5")) {
            Topology net = Topology.build(lab);
            Gobgpd gobgpd = new Gobgpd(lab, net.peer(), "gobgpd", global()
                    + neighbor("10.99.1.11 auth-password=s3cret", "10.99.1.12", "ipv4-unicast",
                            "    passive-mode = true\n")).start();
            try (SpeakerProcess speaker = net.startSpeaker(lab, "speaker.log")) {
                speaker.run("peer add 10.99.1.12 65001 local=10.99.1.11 hold=3 retry=1 password=wrong");
                Await.holds("no session with a wrong MD5 key", Duration.ofSeconds(4),
                        () -> !speaker.established("10.99.1.12"));
                assertTrue(Md5Counters.failures(net.peer()) > 0, "gobgpd's kernel rejected our signatures");

                speaker.run("peer update 10.99.1.12 65001 local=10.99.1.11 hold=3 retry=1 password=s3cret");
                Await.until("session with the right MD5 key", UP, () -> speaker.established("10.99.1.12"));
                assertTrue(gobgpd.established("10.99.1.11"));
            }
        }
    }

    /**
     * Our connection through the router R: refused with TTL 1 (R drops it), up with TTL 3. gobgpd is
     * passive here: a connection it opened during the TTL-1 phase would reach us, but our replies
     * (TTL 1) would not reach it, and gobgpd then waits in OpenSent for its 240 s hold time,
     * closing every other connection of the peer (what made this test fail when gobgpd's connect
     * loop, first due 5–10 s after its start, fired before the update).
     */
    @Test
    void multihopSessionNeedsItsTtl() {
        try (Lab lab = Lab.create("gobgp-multihop")) {
            Topology net = Topology.build(lab);
            Gobgpd gobgpd = new Gobgpd(lab, net.peer(), "gobgpd", global()
                    + neighbor("10.99.2.1", "10.99.3.2", "ipv4-unicast", "    passive-mode = true\n")
                    + "  [neighbors.ebgp-multihop.config]\n    enabled = true\n    multihop-ttl = 3\n").start();
            try (SpeakerProcess speaker = net.startSpeaker(lab, "speaker.log")) {
                speaker.run("peer add 10.99.3.2 65001 local=10.99.2.1 hold=3 retry=1");
                Await.holds("no session through a router with TTL 1", Duration.ofSeconds(4),
                        () -> !speaker.established("10.99.3.2"));

                speaker.run("peer update 10.99.3.2 65001 local=10.99.2.1 hold=3 retry=1 ttl=3");
                Await.until("multihop session", UP, () -> speaker.established("10.99.3.2"));
                assertTrue(gobgpd.established("10.99.2.1"));
                gobgpd.add("ipv4", "10.244.3.0/24", "nexthop", "10.99.3.2");
                Await.until("route over the multihop session", UP, () -> speaker.route("ipv4", "10.244.3.0/24") != null);
                assertFalse(speaker.route("ipv4", "10.244.3.0/24").contains("stale=true"));
            }
        }
    }

    @Test
    void gracefulRestartOfOurSpeakerKeepsItsRoutesAtGobgpd() throws Exception {
        try (Lab lab = Lab.create("gobgp-graceful-restart")) {
            Topology net = Topology.build(lab);
            Gobgpd gobgpd = new Gobgpd(lab, net.peer(), "gobgpd", global()
                    + neighbor("10.99.1.1", "10.99.1.2", "ipv4-unicast", "",
                            "    [neighbors.afi-safis.mp-graceful-restart.config]\n      enabled = true\n")
                    + "  [neighbors.graceful-restart.config]\n    enabled = true\n    restart-time = 30\n").start();
            gobgpd.add("ipv4", "10.244.1.0/24", "nexthop", "10.99.1.2");
            String peer = "peer add 10.99.1.2 65001 local=10.99.1.1 hold=3 retry=1 gr";
            SpeakerProcess first = net.startSpeaker(lab, "speaker-1.log", "30", "10");
            first.run(peer);
            first.run("originate 10.244.0.0/24 10.99.1.1");
            Await.until("our route at gobgpd", UP, () -> gobgpd.route("ipv4", "10.244.0.0/24") != null);
            assertTrue(gobgpd.route("ipv4", "10.244.0.0/24").contains("\"stale\":false"));

            first.kill();
            Await.until("gobgpd marks our route stale", UP,
                    () -> String.valueOf(gobgpd.route("ipv4", "10.244.0.0/24")).contains("\"stale\":true"));
            try (SpeakerProcess second = net.startSpeaker(lab, "speaker-2.log", "30", "10")) {
                restartAndRefresh(second, gobgpd, peer);
            }
        }
    }

    /** The restarted speaker re-advertises; gobgpd keeps the route all along and clears its stale mark. */
    private static void restartAndRefresh(SpeakerProcess second, Gobgpd gobgpd, String peer) {
        second.run("watch 10.244.1.0/24");
        second.run(peer);
        second.run("originate 10.244.0.0/24 10.99.1.1");
        Await.until("refreshed route at gobgpd", UP, () -> {
            String route = gobgpd.route("ipv4", "10.244.0.0/24");
            assertNotNull(route, "gobgpd dropped our route during the restart");
            return route.contains("\"stale\":false");
        });
        assertTrue(second.established("10.99.1.2"));
        Await.until("gobgpd's route after the restart", UP, () -> second.route("ipv4", "10.244.1.0/24") != null);
        assertEquals("0", second.run("withdrawals 10.244.1.0/24").get(0));
    }

    private static String global() {
        return """
                [global.config]
                  as = 65001
                  router-id = "10.99.1.2"
                  local-address-list = ["10.99.1.2", "10.99.1.12", "10.99.3.2", "fd99:1::2"]
                """;
    }

    /**
     * A neighbor block: {@code "ADDRESS [auth-password=KEY]"}; {@code transport} adds lines to its
     * transport config, {@code afiSafi} to its AFI-SAFI.
     */
    private static String neighbor(String address, String local, String family, String transport, String... afiSafi) {
        String[] words = address.split(" ");
        String password = words.length > 1 ? "    auth-password = \"" + words[1].split("=")[1] + "\"\n" : "";
        return "[[neighbors]]\n  [neighbors.config]\n    neighbor-address = \"" + words[0] + "\"\n    peer-as = 65000\n"
                + password
                + "  [neighbors.transport.config]\n    local-address = \"" + local + "\"\n" + transport + TIMERS
                + "  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = \"" + family
                + "\"\n" + String.join("", afiSafi);
    }
}
