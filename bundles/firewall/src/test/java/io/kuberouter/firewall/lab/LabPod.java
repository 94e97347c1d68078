package io.kuberouter.firewall.lab;

import io.kuberouter.api.cluster.IpFamily;

/**
 * A pod of the lab: namespace {@code x}, {@code y} or {@code z}, pod {@code a}, {@code b} or {@code c}. Addresses:
 * namespace index i (x=1, y=2, z=3), pod index j (a=1, b=2, c=3): {@code 10.99.0.<10i+j>} and
 * {@code fd00:99::<10i+j>} on the node's bridge {@code kube-bridge} (10.99.0.1, fd00:99::1).
 */
record LabPod(String namespace, String name) {

    static final String BRIDGE_V4 = "10.99.0.1";
    static final String BRIDGE_V6 = "fd00:99::1";
    static final String POD_CIDR_V4 = "10.99.0.0/24";
    static final String POD_CIDR_V6 = "fd00:99::/64";

    /** {@code x/a}. */
    static LabPod parse(String text) {
        String[] parts = text.split("/");
        return new LabPod(parts[0], parts[1]);
    }

    private int host() {
        return 10 * ("xyz".indexOf(namespace) + 1) + "abc".indexOf(name) + 1;
    }

    String ip(IpFamily family) {
        return family == IpFamily.IPV4 ? "10.99.0." + host() : "fd00:99::" + host();
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
