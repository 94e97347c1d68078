package io.kuberouter.api.cluster;

/** Transport protocols of service ports, endpoint ports, container ports and policy ports. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** Parses the Kubernetes spelling; {@code null} or empty means TCP, as the API defaults it. */
    public static Protocol parse(String value) {
        return value == null || value.isEmpty() ? TCP : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
