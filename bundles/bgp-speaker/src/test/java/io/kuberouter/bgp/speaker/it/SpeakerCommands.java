package io.kuberouter.bgp.speaker.it;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.PeerStatus;
import io.kuberouter.bgp.speaker.Route;

/**
 * The commands {@link SpeakerMain} understands, one per line:
 * <pre>
 * peer add|update ADDR ASN [port=P] [local=A] [password=S] [ttl=N] [hold=S] [retry=S]
 *          [families=ipv4,ipv6] [rr-client] [cluster-id=A] [gr] [passive]
 * peer remove ADDR
 * originate PREFIX NEXT-HOP [COMMUNITY,...]      withdraw PREFIX
 * peers          one line per peer: ADDR STATE received=N accepted=N advertised=N stale=B
 * rib ipv4|ipv6  one line per best path (see {@link #format(Route)})
 * adj-in ADDR ipv4|ipv6 / adj-out ADDR ipv4|ipv6
 * count ipv4|ipv6                the Loc-RIB size
 * watch PREFIX                   start counting the prefix's withdrawals
 * withdrawals PREFIX             how often a listener saw the watched prefix withdrawn
 * </pre>
 */
final class SpeakerCommands {

    private final BgpSpeaker speaker;
    private final Map<IpPrefix, AtomicInteger> withdrawals;

    SpeakerCommands(BgpSpeaker speaker, Map<IpPrefix, AtomicInteger> withdrawals) {
        this.speaker = speaker;
        this.withdrawals = withdrawals;
    }

    List<String> run(String[] words) {
        return switch (words[0]) {
            case "peer" -> peer(words);
            case "originate" -> {
                List<Community> communities = words.length > 3 ? Arrays.stream(words[3].split(","))
                        .map(SpeakerCommands::community).toList() : List.of();
                speaker.originate(new LocalRoute(IpPrefix.parse(words[1]), SpeakerMain.address(words[2]), communities));
                yield List.of();
            }
            case "withdraw" -> {
                speaker.withdraw(IpPrefix.parse(words[1]));
                yield List.of();
            }
            case "peers" -> speaker.peers().stream().map(SpeakerCommands::format).toList();
            case "rib" -> speaker.localRib(family(words[1])).stream().map(SpeakerCommands::format).toList();
            case "adj-in" -> speaker.adjRibIn(SpeakerMain.address(words[1]), family(words[2])).stream()
                    .map(SpeakerCommands::format).toList();
            case "adj-out" -> speaker.adjRibOut(SpeakerMain.address(words[1]), family(words[2])).stream()
                    .map(SpeakerCommands::format).toList();
            case "count" -> List.of(Integer.toString(speaker.localRibSize(family(words[1]))));
            case "watch" -> {
                withdrawals.putIfAbsent(IpPrefix.parse(words[1]), new AtomicInteger());
                yield List.of();
            }
            case "withdrawals" -> List.of(Integer.toString(withdrawals.get(IpPrefix.parse(words[1])).get()));
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        };
    }

    private List<String> peer(String[] words) {
        switch (words[1]) {
            case "add" -> speaker.addPeer(peerConfig(words));
            case "update" -> speaker.updatePeer(peerConfig(words));
            case "remove" -> speaker.removePeer(SpeakerMain.address(words[2]));
            default -> throw new IllegalArgumentException("peer " + words[1]);
        }
        return List.of();
    }

    private static PeerConfig peerConfig(String[] words) {
        PeerConfig.Builder peer = PeerConfig.builder(SpeakerMain.address(words[2]), Long.parseLong(words[3]));
        for (String option : Arrays.copyOfRange(words, 4, words.length)) {
            String[] pair = option.split("=", 2);
            String value = pair.length > 1 ? pair[1] : "";
            switch (pair[0]) {
                case "port" -> peer.port(Integer.parseInt(value));
                case "local" -> peer.localAddress(SpeakerMain.address(value));
                case "password" -> peer.password(value);
                case "ttl" -> peer.multihopTtl(Integer.parseInt(value));
                case "hold" -> peer.holdTime(Duration.ofSeconds(Long.parseLong(value)));
                case "retry" -> peer.connectRetryTime(Duration.ofSeconds(Long.parseLong(value)));
                case "families" -> peer.families(Arrays.stream(value.split(",")).map(SpeakerCommands::family)
                        .collect(Collectors.toSet()));
                case "rr-client" -> peer.routeReflectorClient(true);
                case "cluster-id" -> peer.clusterId((Inet4Address) SpeakerMain.address(value));
                case "gr" -> peer.gracefulRestart(true);
                case "passive" -> peer.passive(true);
                default -> throw new IllegalArgumentException("peer option " + option);
            }
        }
        return peer.build();
    }

    private static String format(PeerStatus peer) {
        return peer.address().getHostAddress() + " " + peer.state() + " received=" + peer.counters().prefixesReceived()
                + " accepted=" + peer.counters().prefixesAccepted() + " advertised="
                + peer.counters().prefixesAdvertised() + " stale=" + peer.staleRoutes();
    }

    /** {@code PREFIX NEXT-HOP aspath=A,B peer=ADDR|local stale=B originator=ADDR|- clusters=A,B communities=X:Y,..}. */
    static String format(Route route) {
        List<String> asNumbers = new ArrayList<>();
        route.asPath().segments().forEach(segment -> segment.asNumbers().forEach(as -> asNumbers.add(as.toString())));
        return route.prefix() + " " + route.nextHop().getHostAddress() + " aspath=" + String.join(",", asNumbers)
                + " peer=" + route.peer().map(p -> p.getHostAddress()).orElse("local") + " stale=" + route.stale()
                + " originator=" + route.originatorId().map(Inet4Address::getHostAddress).orElse("-")
                + " clusters=" + route.clusterList().stream().map(Inet4Address::getHostAddress)
                        .collect(Collectors.joining(","))
                + " communities=" + route.communities().stream().map(Community::toString)
                        .collect(Collectors.joining(","));
    }

    private static Community community(String text) {
        String[] parts = text.split(":");
        return new Community(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    private static AddressFamily family(String name) {
        return switch (name) {
            case "ipv4" -> AddressFamily.IPV4_UNICAST;
            case "ipv6" -> AddressFamily.IPV6_UNICAST;
            default -> throw new IllegalArgumentException("family " + name);
        };
    }

}
