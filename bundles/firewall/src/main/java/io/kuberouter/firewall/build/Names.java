package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * kube-router's names ({@code pkg/controllers/netpol}, behaviour inventory §4.1, §4.2): every hashed name is
 * {@code base32(sha256(input))[:16]} (RFC 4648 alphabet, upper case) after a fixed prefix, IPv6 ipsets carry the
 * {@code inet6:} prefix, and the family in a hash input is spelled {@code IPv4} / {@code IPv6} as in
 * {@code k8s.io/api/core/v1.IPFamily}.
 */
public final class Names {

    public static final String INPUT_CHAIN = "KUBE-ROUTER-INPUT";
    public static final String FORWARD_CHAIN = "KUBE-ROUTER-FORWARD";
    public static final String OUTPUT_CHAIN = "KUBE-ROUTER-OUTPUT";
    public static final String DEFAULT_CHAIN = "KUBE-NWPLCY-DEFAULT";
    public static final String COMMON_CHAIN = "KUBE-NWPLCY-COMMON";
    public static final String TAIL_CHAIN = "KUBE-NWPLCY-TAIL";
    public static final String POD_CHAIN_PREFIX = "KUBE-POD-FW-";
    public static final String POLICY_CHAIN_PREFIX = "KUBE-NWPLCY-";
    public static final String SOURCE_SET_PREFIX = "KUBE-SRC-";
    public static final String DESTINATION_SET_PREFIX = "KUBE-DST-";
    public static final String LOCAL_PODS_SET = "kube-router-local-pods";
    public static final String INET6_SET_PREFIX = "inet6:";

    /** The chains kube-router jumps to from the built-in chains, in {@code INPUT, FORWARD, OUTPUT} order. */
    public static final List<String> TOP_LEVEL_CHAINS = List.of(INPUT_CHAIN, FORWARD_CHAIN, OUTPUT_CHAIN);

    private Names() {
    }

    /** {@code base32(sha256(input))[:16]}. */
    public static String hash(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return Base32.encode(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /** {@code IPv4} or {@code IPv6}, the spelling upstream hashes. */
    public static String family(IpFamily family) {
        return family == IpFamily.IPV4 ? "IPv4" : "IPv6";
    }

    /**
     * The identity upstream hashes for a pod or policy: namespace and name concatenated. Two objects whose
     * concatenations are equal (namespace {@code a}, name {@code bc} and namespace {@code ab}, name {@code c})
     * would share every name; {@link #uniqueIdentity} separates them.
     */
    public static String identity(String namespace, String name) {
        return namespace + name;
    }

    /** The identity of an object whose {@link #identity} an earlier object already uses: {@code namespace/name}. */
    public static String uniqueIdentity(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** {@code KUBE-POD-FW-} + hash(identity + version); the same name in both families' tables. */
    public static String podChain(String identity, String version) {
        return POD_CHAIN_PREFIX + hash(identity + version);
    }

    /** {@code KUBE-NWPLCY-} + hash(identity + version + family). */
    public static String policyChain(String identity, String version, IpFamily family) {
        return POLICY_CHAIN_PREFIX + hash(identity + version + family(family));
    }

    /**
     * The chain holding the egress rules of a policy that has both directions. Not in upstream, which evaluates
     * both directions' rules in one chain (see docs/firewall.md, "Differences"): hash input as
     * {@link #policyChain} plus {@code egress}.
     */
    public static String policyEgressChain(String identity, String version, IpFamily family) {
        return POLICY_CHAIN_PREFIX + hash(identity + version + family(family) + "egress");
    }

    /** The set's name as the kernel knows it: {@code inet6:} prepended for IPv6. */
    public static String set(String name, IpFamily family) {
        return family == IpFamily.IPV6 ? INET6_SET_PREFIX + name : name;
    }

    /** Policy target pods, matched as destination of ingress: {@code KUBE-DST-} hash(identity + family). */
    public static String targetDestinationSet(String identity, IpFamily family) {
        return set(DESTINATION_SET_PREFIX + hash(identity + family(family)), family);
    }

    /** Policy target pods, matched as source of egress: {@code KUBE-SRC-} hash(identity + family). */
    public static String targetSourceSet(String identity, IpFamily family) {
        return set(SOURCE_SET_PREFIX + hash(identity + family(family)), family);
    }

    /** Peer pods of ingress rule {@code rule}: {@code KUBE-SRC-} hash(identity + ingressrule + i + family + pod). */
    public static String ingressPeerPodSet(String identity, int rule, IpFamily family) {
        return set(SOURCE_SET_PREFIX + hash(identity + "ingressrule" + rule + family(family) + "pod"),
                family);
    }

    /** Peer pods of egress rule {@code rule}: {@code KUBE-DST-} hash(identity + egressrule + i + family + pod). */
    public static String egressPeerPodSet(String identity, int rule, IpFamily family) {
        return set(DESTINATION_SET_PREFIX + hash(identity + "egressrule" + rule + family(family) + "pod"),
                family);
    }

    /** ipBlocks of ingress rule {@code rule}: {@code KUBE-SRC-} hash(identity + ingressrule + i + family + ipblock). */
    public static String ingressIpBlockSet(String identity, int rule, IpFamily family) {
        return set(SOURCE_SET_PREFIX + hash(identity + "ingressrule" + rule + family(family) + "ipblock"),
                family);
    }

    /** ipBlocks of egress rule {@code rule}: {@code KUBE-DST-} hash(identity + egressrule + i + family + ipblock). */
    public static String egressIpBlockSet(String identity, int rule, IpFamily family) {
        return set(DESTINATION_SET_PREFIX + hash(identity + "egressrule" + rule + family(family)
                + "ipblock"), family);
    }

    /**
     * Pods serving named port {@code port} (its j-th resolution) of a rule: {@code KUBE-DST-} hash(ns + name +
     * ingressrule|egressrule + i + j + family + namedport).
     */
    public static String namedPortSet(String identity, String direction, int rule, int port,
            IpFamily family) {
        return set(DESTINATION_SET_PREFIX + hash(identity + direction + "rule" + rule + port
                + family(family) + "namedport"), family);
    }

    /** {@code kube-router-local-pods} of the family. */
    public static String localPodsSet(IpFamily family) {
        return set(LOCAL_PODS_SET, family);
    }

    /**
     * The identity tag upstream appends to the comment of a positioned rule: hash(chain + the rule's arguments
     * concatenated without separator), the comment still without its tag.
     */
    public static String ruleUuid(String chain, List<String> args) {
        return hash(chain + String.join("", args));
    }

    /** RFC 4648 base32 without padding (only the first 16 characters are ever used). */
    private static final class Base32 {
        private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

        static String encode(byte[] data) {
            StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
            int buffer = 0;
            int bits = 0;
            for (byte b : data) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
            }
            return out.toString();
        }
    }
}
