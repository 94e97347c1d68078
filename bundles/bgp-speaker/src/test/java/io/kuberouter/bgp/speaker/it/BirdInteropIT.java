package io.kuberouter.bgp.speaker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Our speaker (AS 65000) against bird2 (AS 65001) in network namespaces; see {@link Topology}.
 * bird's side is read with {@code birdc show route all} and {@code show protocols}.
 */
class BirdInteropIT {

    private static final Duration UP = Duration.ofSeconds(15);
    private static final String TIMERS =
            "hold time 3; keepalive time 1; connect retry time 1; connect delay time 1; error wait time 1,2;";
    private static final String HEAD = """
            router id 10.99.1.2;
            log stderr all;
            protocol device { }
            protocol static adv4 { ipv4; route 10.244.2.0/24 blackhole; }
            protocol static adv6 { ipv6; route fd00:244:2::/64 blackhole; }
            """;

    @Test
    void sessionsComeUpBothWaysAndCarryIpv4AndIpv6Routes() {
        try (Lab lab = Lab.create("bird-sessions")) {
            Topology net = Topology.build(lab);
            Bird bird = new Bird(lab, net.peer(), "bird", HEAD
                    + protocol("s4", "10.99.1.2", "10.99.1.1", "passive on;", "ipv4")
                    + protocol("s6", "fd99:1::2", "fd99:1::1", "", "ipv6")).start();
            try (SpeakerProcess speaker = net.startSpeaker(lab, "speaker.log")) {
                speaker.run("peer add 10.99.1.2 65001 local=10.99.1.1 hold=3 retry=1 families=ipv4");
                speaker.run("peer add fd99:1::2 65001 local=fd99:1::1 hold=3 retry=1 families=ipv6 passive");
                Await.until("IPv4 session we opened", UP, () -> speaker.established("10.99.1.2"));
                Await.until("IPv6 session bird opened", UP, () -> speaker.established("fd99:1::2"));
                assertTrue(bird.established("s4") && bird.established("s6"));

                exchangeRoutes(speaker, bird);
                speaker.run("withdraw 10.244.0.0/24");
                bird.birdc("disable", "adv6");
                Await.until("our withdrawal at bird", UP, () -> bird.route("master4", "10.244.0.0/24").isEmpty());
                Await.until("bird's withdrawal here", UP, () -> speaker.route("ipv6", "fd00:244:2::/64") == null);
                assertTrue(speaker.established("10.99.1.2") && speaker.established("fd99:1::2"));
            }
        }
    }

    private static void exchangeRoutes(SpeakerProcess speaker, Bird bird) {
        speaker.run("originate 10.244.0.0/24 10.99.1.1 65000:7");
        speaker.run("originate fd00:244::/64 fd99:1::1");
        Await.until("our IPv4 route at bird", UP, () -> !bird.route("master4", "10.244.0.0/24").isEmpty());
        String ours = bird.route("master4", "10.244.0.0/24");
        assertTrue(ours.contains("BGP.as_path: 65000") && ours.contains("via 10.99.1.1")
                && ours.contains("BGP.community: (65000,7)"), ours);
        Await.until("our IPv6 route at bird", UP, () -> !bird.route("master6", "fd00:244::/64").isEmpty());
        assertTrue(bird.route("master6", "fd00:244::/64").contains("via fd99:1::1"));

        Await.until("bird's IPv4 route here", UP, () -> speaker.route("ipv4", "10.244.2.0/24") != null);
        assertTrue(speaker.route("ipv4", "10.244.2.0/24").matches("10.244.2.0/24 10.99.1.2 aspath=65001 .*"));
        Await.until("bird's IPv6 route here", UP, () -> speaker.route("ipv6", "fd00:244:2::/64") != null);
    }

    @Test
    void md5SignedSessionComesUpOnlyWithTheRightPassword() {
        try (Lab lab = Lab.create("bird-md5")) {
            Topology net = Topology.build(lab);
            Bird bird = new Bird(lab, net.peer(), "bird", HEAD
                    + protocol("m", "10.99.1.12", "10.99.1.11", "password \"s3cret\";", "ipv4")).start();
            try (SpeakerProcess speaker = net.startSpeaker(lab, "speaker.log")) {
                speaker.run("peer add 10.99.1.12 65001 local=10.99.1.11 hold=3 retry=1 password=wrong");
                Await.holds("no session with a wrong MD5 key", Duration.ofSeconds(4),
                        () -> !speaker.established("10.99.1.12"));
                assertTrue(Md5Counters.failures(net.peer()) > 0, "bird's kernel rejected our signatures");

                speaker.run("peer update 10.99.1.12 65001 local=10.99.1.11 hold=3 retry=1 password=s3cret");
                Await.until("session with the right MD5 key", UP, () -> speaker.established("10.99.1.12"));
                Await.until("bird's route over it", UP, () -> speaker.route("ipv4", "10.244.2.0/24") != null);
                assertTrue(bird.established("m"));
            }
        }
    }

    @Test
    void multihopSessionNeedsItsTtl() {
        try (Lab lab = Lab.create("bird-multihop")) {
            Topology net = Topology.build(lab);
            new Bird(lab, net.peer(), "bird", HEAD
                    + protocol("mh", "10.99.3.2", "10.99.2.1", "multihop 3;", "ipv4")).start();
            try (SpeakerProcess speaker = net.startSpeaker(lab, "speaker.log")) {
                speaker.run("peer add 10.99.3.2 65001 local=10.99.2.1 hold=3 retry=1");
                Await.holds("no session through a router with TTL 1", Duration.ofSeconds(4),
                        () -> !speaker.established("10.99.3.2"));

                speaker.run("peer update 10.99.3.2 65001 local=10.99.2.1 hold=3 retry=1 ttl=3");
                Await.until("multihop session", UP, () -> speaker.established("10.99.3.2"));
                Await.until("route over the multihop session", UP, () -> speaker.route("ipv4", "10.244.2.0/24") != null);
            }
        }
    }

    @Test
    void gracefulRestartOfOurSpeakerKeepsItsRoutesAtBird() {
        try (Lab lab = Lab.create("bird-our-restart")) {
            Topology net = Topology.build(lab);
            Bird bird = new Bird(lab, net.peer(), "bird", HEAD + protocol("s4", "10.99.1.2", "10.99.1.1",
                    "graceful restart on; graceful restart time 30;", "ipv4")).start();
            String peer = "peer add 10.99.1.2 65001 local=10.99.1.1 hold=3 retry=1 gr";
            SpeakerProcess first = net.startSpeaker(lab, "speaker-1.log", "30", "10");
            first.run(peer);
            first.run("originate 10.244.0.0/24 10.99.1.1");
            Await.until("our route at bird", UP, () -> !bird.route("master4", "10.244.0.0/24").isEmpty());

            first.kill();
            Await.until("bird keeps our routes for the restart", UP,
                    () -> bird.birdc("show", "protocols", "all", "s4").contains("Neighbor graceful restart active"));
            try (SpeakerProcess second = net.startSpeaker(lab, "speaker-2.log", "30", "10")) {
                second.run(peer);
                second.run("originate 10.244.0.0/24 10.99.1.1");
                Await.holds("bird keeps our route while we restart", Duration.ofSeconds(1),
                        () -> !bird.route("master4", "10.244.0.0/24").isEmpty());
                Await.until("session back", UP, () -> bird.established("s4") && second.established("10.99.1.2"));
                Await.until("bird ends the graceful restart (our End-of-RIB)", UP, () -> {
                    assertFalse(bird.route("master4", "10.244.0.0/24").isEmpty(), "bird dropped our route");
                    return bird.established("s4") && !bird.birdc("show", "protocols", "all", "s4")
                            .contains("Neighbor graceful restart active");
                });
            }
        }
    }

    @Test
    void gracefulRestartOfBirdKeepsItsRoutesHere() throws Exception {
        try (Lab lab = Lab.create("bird-restart")) {
            Topology net = Topology.build(lab);
            Bird bird = new Bird(lab, net.peer(), "bird", HEAD + protocol("s4", "10.99.1.2", "10.99.1.1",
                    "graceful restart on; graceful restart time 30;", "ipv4")).start();
            try (SpeakerProcess speaker = net.startSpeaker(lab, "speaker.log", "30", "10")) {
                speaker.run("peer add 10.99.1.2 65001 local=10.99.1.1 hold=3 retry=1 gr");
                Await.until("bird's route", UP, () -> speaker.route("ipv4", "10.244.2.0/24") != null);
                speaker.run("watch 10.244.2.0/24");

                bird.gracefulRestartShutdown();
                Await.until("bird's route kept stale", UP,
                        () -> String.valueOf(speaker.route("ipv4", "10.244.2.0/24")).contains("stale=true"));
                bird.start("-R");
                Await.until("bird's route refreshed", UP,
                        () -> String.valueOf(speaker.route("ipv4", "10.244.2.0/24")).contains("stale=false"));
                assertEquals("0", speaker.run("withdrawals 10.244.2.0/24").get(0), "the route never left the Loc-RIB");
            }
        }
    }

    private static String protocol(String name, String local, String neighbor, String options, String family) {
        return "protocol bgp " + name + " {\n  local " + local + " as 65001;\n  neighbor " + neighbor + " as 65000;\n  "
                + TIMERS + "\n  " + options + "\n  " + family + " { import all; export where proto = \"adv"
                + family.charAt(3) + "\"; };\n}\n";
    }
}
