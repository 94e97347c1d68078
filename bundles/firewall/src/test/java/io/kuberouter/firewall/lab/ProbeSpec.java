package io.kuberouter.firewall.lab;

import io.kuberouter.api.cluster.IpFamily;
import java.util.Locale;

/**
 * What a truth table probes: {@code PROTOCOL/PORT} over IPv4, or {@code PROTOCOL/PORT/IPv6}, e.g.
 * {@code TCP/80}, {@code SCTP/81/IPv6}.
 */
record ProbeSpec(String protocol, int port, IpFamily family) {

    static ProbeSpec parse(String text) {
        String[] parts = text.split("/");
        IpFamily family = parts.length > 2 && parts[2].equalsIgnoreCase("IPv6") ? IpFamily.IPV6 : IpFamily.IPV4;
        return new ProbeSpec(parts[0].toLowerCase(Locale.ROOT), Integer.parseInt(parts[1]), family);
    }

    @Override
    public String toString() {
        return protocol.toUpperCase(Locale.ROOT) + "/" + port + (family == IpFamily.IPV6 ? "/IPv6" : "");
    }
}
