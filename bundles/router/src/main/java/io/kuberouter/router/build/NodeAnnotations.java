package io.kuberouter.router.build;

import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.AsPathPrepend;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses a Node's {@code kube-router.io/*} BGP annotations (behaviour reference §2.2). Pure; every bad value is
 * reported to the problem sink as one line naming the annotation and skipped. A malformed peer list keeps the
 * peers of the previous parse, so a typo in {@code kube-router.io/peers} never drops working sessions.
 */
public final class NodeAnnotations {

    public static final String NODE_ASN = "kube-router.io/node.asn";
    public static final String RR_SERVER = "kube-router.io/rr.server";
    public static final String RR_CLIENT = "kube-router.io/rr.client";
    public static final String PEERS = "kube-router.io/peers";
    public static final String PEER_IPS = "kube-router.io/peer.ips";
    public static final String PEER_ASNS = "kube-router.io/peer.asns";
    public static final String PEER_PASSWORDS = "kube-router.io/peer.passwords";
    public static final String PEER_PORTS = "kube-router.io/peer.ports";
    public static final String PEER_LOCAL_IPS = "kube-router.io/peer.localips";
    public static final String LOCAL_ADDRESSES = "kube-router.io/bgp-local-addresses";
    public static final String PREPEND_AS = "kube-router.io/path-prepend.as";
    public static final String PREPEND_REPEAT = "kube-router.io/path-prepend.repeat-n";
    public static final String COMMUNITIES = "kube-router.io/node.bgp.communities";
    public static final String IMPORT_REJECT = "kube-router.io/node.bgp.customimportreject";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, Community> WELL_KNOWN = Map.of(
            "no-export", Community.NO_EXPORT, "no-advertise", Community.NO_ADVERTISE,
            "no-export-subconfed", Community.NO_EXPORT_SUBCONFED, "no-peer", Community.fromBits(0xFFFFFF04),
            "blackhole", Community.fromBits(0xFFFF029A), "graceful-shutdown", Community.fromBits(0xFFFF0000));

    private NodeAnnotations() {
    }

    /**
     * Parses {@code annotations}.
     *
     * @param previous the previous result for the same node, whose peers survive a malformed peer list
     * @param problems receives one line per ignored value
     */
    public static NodeBgp parse(Map<String, String> annotations, NodeBgp previous, Consumer<String> problems) {
        Problems sink = new Problems(problems);
        OptionalLong asn = optionalLong(annotations, NODE_ASN, sink);
        Optional<String> rrServer = Optional.ofNullable(annotations.get(RR_SERVER)).map(String::trim);
        Optional<String> rrClient = Optional.ofNullable(annotations.get(RR_CLIENT)).map(String::trim);
        List<ExternalPeer> peers;
        try {
            peers = annotations.containsKey(PEERS) ? yamlPeers(annotations.get(PEERS))
                    : legacyPeers(annotations);
        } catch (IllegalArgumentException e) {
            sink.report("node peers: " + e.getMessage() + "; keeping the previous peers");
            peers = previous.peers();
        }
        List<InetAddress> local = new ArrayList<>();
        for (String text : csv(annotations.get(LOCAL_ADDRESSES))) {
            try {
                local.add(ip(text));
            } catch (IllegalArgumentException e) {
                sink.report(LOCAL_ADDRESSES + ": " + e.getMessage());
            }
        }
        return new NodeBgp(asn, rrServer, rrClient, peers, local, prepend(annotations, sink),
                communities(annotations.get(COMMUNITIES), sink), importReject(annotations.get(IMPORT_REJECT), sink));
    }

    /** The peers of a {@code kube-router.io/peers} YAML list. */
    static List<ExternalPeer> yamlPeers(String yaml) {
        List<Map<String, Object>> entries;
        try {
            entries = YAML.readValue(yaml, new TypeReference<List<Map<String, Object>>>() { });
        } catch (JacksonException e) {
            throw new IllegalArgumentException(PEERS + " is not a YAML list of peers: "
                    + e.getOriginalMessage());
        }
        List<ExternalPeer> peers = new ArrayList<>();
        for (Map<String, Object> entry : entries == null ? List.<Map<String, Object>>of() : entries) {
            if (entry == null || entry.get("remoteip") == null || entry.get("remoteasn") == null) {
                throw new IllegalArgumentException(PEERS + ": every peer needs remoteip and remoteasn: " + entry);
            }
            peers.add(new ExternalPeer(ip(text(entry.get("remoteip"))), number(text(entry.get("remoteasn"))),
                    entry.get("port") == null ? 179 : (int) number(text(entry.get("port"))),
                    Optional.ofNullable(entry.get("password")).map(p -> decodePassword(text(p))).filter(p -> !p.isEmpty()),
                    Optional.ofNullable(entry.get("localip")).map(l -> ip(text(l)))));
        }
        return List.copyOf(peers);
    }

    /** The peers of the deprecated comma-list annotations. */
    static List<ExternalPeer> legacyPeers(Map<String, String> annotations) {
        List<String> ips = csv(annotations.get(PEER_IPS));
        List<String> asns = csv(annotations.get(PEER_ASNS));
        if (ips.size() != asns.size()) {
            throw new IllegalArgumentException(PEER_IPS + " has " + ips.size() + " entries but " + PEER_ASNS
                    + " has " + asns.size());
        }
        List<String> passwords = csvKeepBlanks(annotations.get(PEER_PASSWORDS));
        List<String> ports = csv(annotations.get(PEER_PORTS));
        List<String> localIps = csvKeepBlanks(annotations.get(PEER_LOCAL_IPS));
        List<ExternalPeer> peers = new ArrayList<>();
        for (int i = 0; i < ips.size(); i++) {
            Optional<String> password = i < passwords.size() ? Optional.of(decodePassword(passwords.get(i)))
                    .filter(p -> !p.isEmpty()) : Optional.empty();
            int port = i < ports.size() ? (int) number(ports.get(i)) : 179;
            Optional<InetAddress> localIp = i < localIps.size() && !localIps.get(i).isBlank()
                    ? Optional.of(ip(localIps.get(i))) : Optional.empty();
            peers.add(new ExternalPeer(ip(ips.get(i)), number(asns.get(i)), port, password, localIp));
        }
        return List.copyOf(peers);
    }

    /** Upstream's peer passwords are base64 of the TCP MD5 key. */
    static String decodePassword(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("peer password is not base64");
        }
    }

    private static Optional<AsPathPrepend> prepend(Map<String, String> annotations, Problems sink) {
        String as = annotations.get(PREPEND_AS);
        String repeat = annotations.get(PREPEND_REPEAT);
        if (as == null && repeat == null) {
            return Optional.empty();
        }
        try {
            if (as == null || repeat == null) {
                throw new IllegalArgumentException("needs both " + PREPEND_AS + " and " + PREPEND_REPEAT);
            }
            long repeatN = number(repeat);
            return repeatN == 0 ? Optional.empty() : Optional.of(new AsPathPrepend(number(as), (int) repeatN));
        } catch (IllegalArgumentException e) {
            sink.report("path prepend: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Community> communities(String text, Problems sink) {
        List<Community> communities = new ArrayList<>();
        for (String item : csv(text)) {
            try {
                communities.add(community(item));
            } catch (IllegalArgumentException e) {
                sink.report(COMMUNITIES + ": " + item + " is not a community (uint32, a:b or a well-known name)");
            }
        }
        return communities;
    }

    static Community community(String item) {
        Community known = WELL_KNOWN.get(item.toLowerCase());
        if (known != null) {
            return known;
        }
        int colon = item.indexOf(':');
        if (colon < 0) {
            long bits = number(item);
            if (bits > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("community out of range");
            }
            return Community.fromBits((int) bits);
        }
        long high = number(item.substring(0, colon));
        long low = number(item.substring(colon + 1));
        if (high > 0xFFFF || low > 0xFFFF) {
            throw new IllegalArgumentException("community out of range");
        }
        return new Community((int) high, (int) low);
    }

    private static List<IpPrefix> importReject(String text, Problems sink) {
        List<IpPrefix> prefixes = new ArrayList<>();
        for (String item : csv(text)) {
            try {
                prefixes.add(IpPrefix.parse(item));
            } catch (IllegalArgumentException e) {
                sink.report(IMPORT_REJECT + ": " + item + " is not a CIDR");
            }
        }
        return prefixes;
    }

    private static OptionalLong optionalLong(Map<String, String> annotations, String key, Problems sink) {
        String text = annotations.get(key);
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(number(text));
        } catch (IllegalArgumentException e) {
            sink.report(key + ": '" + text + "' is not a number");
            return OptionalLong.empty();
        }
    }

    static long number(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an unsigned number");
        }
    }

    /** Parses an IP literal (never a name lookup). */
    public static InetAddress ipAddress(String text) {
        return ip(text);
    }

    static InetAddress ip(String text) {
        String literal = text.trim();
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        return IpPrefix.parse(literal + (literal.contains(":") ? "/128" : "/32")).address();
    }

    private static String text(Object value) {
        return String.valueOf(value).trim();
    }

    static List<String> csv(String text) {
        return csvKeepBlanks(text).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> csvKeepBlanks(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split(",", -1)).stream().map(String::trim).toList();
    }

    private record Problems(Consumer<String> sink) {
        void report(String line) {
            sink.accept(line);
        }
    }
}
