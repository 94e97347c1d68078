package io.kuberouter.kernel.api.addr;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.link.LinkSpec;
import java.util.Objects;

/**
 * An address assigned to an interface.
 *
 * @param link interface name
 * @param prefix local address with its prefix length (host bits kept), e.g. {@code 10.96.0.10/32}
 * @param scope address scope; kube-router puts service VIPs on {@code kube-dummy-if} with
 *        {@link Scope#LINK}
 */
public record Address(String link, IpPrefix prefix, Scope scope) {

    public Address {
        LinkSpec.checkName(link);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(scope, "scope");
    }

    /** A universe-scope address. */
    public static Address of(String link, IpPrefix prefix) {
        return new Address(link, prefix, Scope.UNIVERSE);
    }
}
