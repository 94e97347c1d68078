package io.kuberouter.bgp.speaker.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.kuberouter.kernel.harness.Netns;

/**
 * Our speaker as route reflector (RFC 4456) of AS 65000 with two clients on one LAN: gobgpd
 * (10.99.1.2) and bird2 (10.99.1.3). Each client's route must reach the other with its next hop
 * unchanged, the originator's BGP Identifier as ORIGINATOR_ID and our CLUSTER_ID in CLUSTER_LIST.
 */
class RouteReflectionIT {

    private static final Duration UP = Duration.ofSeconds(15);
    private static final String CLUSTER_ID = "10.99.255.1";

    @Test
    void reflectsRoutesBetweenTwoClients() {
        try (Lab lab = Lab.create("route-reflection")) {
            Netns reflector = lab.namespace();
            Netns gobgpdNs = lan(lab, reflector, "10.99.1.2");
            Netns birdNs = lan(lab, reflector, "10.99.1.3");
            Gobgpd gobgpd = new Gobgpd(lab, gobgpdNs, "gobgpd", GOBGPD).start();
            Bird bird = new Bird(lab, birdNs, "bird", BIRD).start();
            try (SpeakerProcess speaker = SpeakerProcess.start(lab, reflector, "speaker.log", "65000", "10.99.1.1",
                    "10.99.1.1", "179")) {
                speaker.run("peer add 10.99.1.2 65000 hold=3 retry=1 rr-client cluster-id=" + CLUSTER_ID);
                speaker.run("peer add 10.99.1.3 65000 hold=3 retry=1 rr-client cluster-id=" + CLUSTER_ID);
                Await.until("both clients", UP, () -> speaker.established("10.99.1.2") && speaker.established("10.99.1.3"));
                gobgpd.add("ipv4", "10.244.1.0/24", "nexthop", "10.99.1.2");

                Await.until("gobgpd's route at bird", UP, () -> !bird.route("master4", "10.244.1.0/24").isEmpty());
                String atBird = bird.route("master4", "10.244.1.0/24");
                assertTrue(atBird.contains("via 10.99.1.2") && atBird.contains("BGP.originator_id: 10.99.1.2")
                        && atBird.contains("BGP.cluster_list: " + CLUSTER_ID), atBird);

                Await.until("bird's route at gobgpd", UP, () -> gobgpd.route("ipv4", "10.244.2.0/24") != null);
                String atGobgpd = gobgpd.route("ipv4", "10.244.2.0/24");
                assertTrue(atGobgpd.contains("\"nexthop\":\"10.99.1.3\"") && atGobgpd.contains("\"type\":9")
                        && atGobgpd.contains("10.99.1.3\"") && atGobgpd.contains("\"" + CLUSTER_ID + "\""), atGobgpd);

                gobgpd.delete("ipv4", "10.244.1.0/24");
                Await.until("the withdrawal at bird", UP, () -> bird.route("master4", "10.244.1.0/24").isEmpty());
            }
        }
    }

    /** A client namespace with {@code address}/24 on the reflector's bridge br0 (10.99.1.1/24). */
    private static Netns lan(Lab lab, Netns reflector, String address) {
        if (reflector.run("ip", "link", "show", "br0").exitCode() != 0) {
            reflector.ip("link", "add", "br0", "type", "bridge");
            reflector.ip("link", "set", "br0", "up");
            lab.address(reflector, "br0", "10.99.1.1/24");
        }
        Netns client = lab.namespace();
        String port = "to-" + address.substring(address.lastIndexOf('.') + 1);
        lab.link(reflector, port, client, "lan");
        reflector.ip("link", "set", port, "master", "br0");
        lab.address(client, "lan", address + "/24");
        return client;
    }

    private static final String GOBGPD = """
            [global.config]
              as = 65000
              router-id = "10.99.1.2"
              local-address-list = ["10.99.1.2"]
            [[neighbors]]
              [neighbors.config]
                neighbor-address = "10.99.1.1"
                peer-as = 65000
              [neighbors.timers.config]
                connect-retry = 1
                hold-time = 3
                keepalive-interval = 1
              [[neighbors.afi-safis]]
                [neighbors.afi-safis.config]
                  afi-safi-name = "ipv4-unicast"
            """;

    private static final String BIRD = """
            router id 10.99.1.3;
            log stderr all;
            protocol device { }
            protocol static adv4 { ipv4; route 10.244.2.0/24 blackhole; }
            protocol bgp reflector {
              local 10.99.1.3 as 65000;
              neighbor 10.99.1.1 as 65000;
              hold time 3; keepalive time 1; connect retry time 1; connect delay time 1; error wait time 1,2;
              direct;
              ipv4 { import all; export where proto = "adv4"; };
            }
            """;
}
