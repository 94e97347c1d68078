package io.kuberouter.kernel.exec.syntax;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates and canonicalises elements of hash sets the way {@code ipset save} prints them:
 * addresses in shortest form, {@code net} components as {@code network/len} (a full-length prefix as
 * the bare address), ports as {@code proto:port} ({@code tcp} if no protocol is given).
 */
final class IpsetElements {

    private static final Map<String, String> PROTOCOL_NUMBERS = Map.of("6", "tcp", "17", "udp", "132", "sctp");

    private IpsetElements() {
    }

    /**
     * The canonical form of {@code element} for a set of {@code type} (e.g. {@code hash:ip,port}).
     *
     * @throws IllegalStateException if the element does not parse for the type or family
     */
    static String canonical(String type, AddressFamily family, String element) {
        String[] dims = type.substring(type.indexOf(':') + 1).split(",");
        String[] parts = element.split(",", -1);
        if (parts.length != dims.length) {
            throw new IllegalStateException("Syntax error: cannot parse " + element);
        }
        List<String> out = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            out.add(component(dims[i], family, parts[i], element));
        }
        return String.join(",", out);
    }

    private static String component(String dim, AddressFamily family, String part, String element) {
        try {
            return switch (dim) {
                case "ip", "net" -> address(dim, family, part);
                case "port" -> port(part);
                default -> part;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Syntax error: cannot parse " + element, e);
        }
    }

    private static String address(String dim, AddressFamily family, String part) {
        IpPrefix p = IpPrefix.parse(part);
        if (p.family() != family) {
            throw new IllegalArgumentException("wrong family");
        }
        if (dim.equals("ip") && p.length() != family.bits()) {
            throw new IllegalArgumentException("ranges are not supported here");
        }
        return p.length() == family.bits() ? IpPrefix.text(p.address()) : p.network().toString();
    }

    private static String port(String part) {
        int colon = part.indexOf(':');
        String proto = colon < 0 ? "tcp" : part.substring(0, colon);
        int port = Integer.parseInt(part.substring(colon + 1));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return PROTOCOL_NUMBERS.getOrDefault(proto, proto) + ":" + port;
    }
}
