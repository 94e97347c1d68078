package io.kuberouter.api.cluster;

/**
 * One {@code status.addresses[]} entry.
 *
 * @param type {@code InternalIP}, {@code ExternalIP}, {@code Hostname}, ...
 */
public record NodeAddress(String type, String address) {

    public static final String INTERNAL_IP = "InternalIP";
    public static final String EXTERNAL_IP = "ExternalIP";

    public NodeAddress {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(address, "address");
    }

    /** True for InternalIP and ExternalIP entries. */
    public boolean isIp() {
        return INTERNAL_IP.equals(type) || EXTERNAL_IP.equals(type);
    }
}
