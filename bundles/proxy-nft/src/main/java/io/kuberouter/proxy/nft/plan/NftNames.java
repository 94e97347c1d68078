package io.kuberouter.proxy.nft.plan;

import io.kuberouter.api.cluster.IpFamily;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names the nftables backend owns: one table, {@code inet kube-router-proxy}, and everything in it. Nothing
 * outside that table is ever written. Per-frontend objects carry a short hash (so that names are unique and
 * stable from sync to sync) and a readable tail (namespace/service/port, backend address/port).
 */
public final class NftNames {

    public static final String FAMILY = "inet";
    public static final String TABLE = "kube-router-proxy";
    /** {@code inet kube-router-proxy}, the prefix of every command. */
    public static final String QUALIFIED = FAMILY + " " + TABLE;

    /**
     * Packet mark bit set on service traffic that may need masquerading; kube-proxy's bit. kube-router's own
     * marks (DSR fwmarks 1-0x3FFF, the firewall's 0x10000/0x20000) do not overlap it.
     */
    public static final long MASQUERADE_MARK = 0x4000;

    public static final String NAT_PREROUTING = "nat-prerouting";
    public static final String NAT_OUTPUT = "nat-output";
    public static final String NAT_POSTROUTING = "nat-postrouting";
    public static final String FILTER_INPUT = "filter-input";
    public static final String FILTER_FORWARD = "filter-forward";
    public static final String FILTER_OUTPUT = "filter-output";
    /** Dispatch of new connections by destination address, protocol and port. */
    public static final String SERVICES = "services";
    /** Refusal of new connections to frontends without backends. */
    public static final String ENDPOINTS_CHECK = "endpoints-check";
    public static final String REJECT = "reject-no-endpoints";
    public static final String MASQUERADING = "masquerading";

    private static final String SERVICE_IPS = "service-ips";
    private static final String NO_ENDPOINT_IPS = "no-endpoint-ips";

    private NftNames() {
    }

    /** The verdict map of frontends with backends for {@code family}. */
    public static String serviceMap(IpFamily family) {
        return family == IpFamily.IPV4 ? SERVICE_IPS : SERVICE_IPS + "6";
    }

    /** The verdict map of frontends without backends for {@code family}. */
    public static String noEndpointMap(IpFamily family) {
        return family == IpFamily.IPV4 ? NO_ENDPOINT_IPS : NO_ENDPOINT_IPS + "6";
    }

    /** Eight hex digits of SHA-256 of {@code text}. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /** An address as a name part: IPv6 colons become dots (nft names allow {@code [A-Za-z0-9_./-]}). */
    static String addressPart(String address) {
        return address.replace(':', '.');
    }
}
