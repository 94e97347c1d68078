package io.kuberouter.lab;

/** An IPv4 prefix such as {@code 10.99.0.0/24}. */
record Ipv4Cidr(int network, int length) {

    /** Parses {@code a.b.c.d/len}; the host bits are cleared. Throws IllegalArgumentException if malformed. */
    static Ipv4Cidr parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an IPv4 prefix: " + text);
        }
        int length = Integer.parseInt(parts[1]);
        if (length < 1 || length > 30) {
            throw new IllegalArgumentException("prefix length must be 1..30: " + text);
        }
        return new Ipv4Cidr(address(parts[0]) & mask(length), length);
    }

    /** Whether {@code address} (dotted quad) lies in this prefix. */
    boolean contains(String address) {
        return (address(address) & mask(length)) == network;
    }

    /** The highest host address (one below broadcast), dotted. */
    String lastHost() {
        return text((network | ~mask(length)) - 1);
    }

    @Override
    public String toString() {
        return text(network) + "/" + length;
    }

    private static int mask(int length) {
        return -1 << (32 - length);
    }

    private static int address(String dotted) {
        String[] octets = dotted.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = value << 8 | part;
        }
        return value;
    }

    private static String text(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
    }
}
