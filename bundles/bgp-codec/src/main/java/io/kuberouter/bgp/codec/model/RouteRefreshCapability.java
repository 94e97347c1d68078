package io.kuberouter.bgp.codec.model;

/** Route Refresh capability, code 2 (RFC 2918 §2): the sender accepts ROUTE-REFRESH messages. */
public record RouteRefreshCapability() implements Capability {
}
