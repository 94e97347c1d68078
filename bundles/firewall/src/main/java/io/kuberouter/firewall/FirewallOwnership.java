package io.kuberouter.firewall;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.firewall.build.Names;
import java.util.List;

/**
 * The kernel state the firewall owns (behaviour inventory §4.1, §4.2): its chains by prefix and its ipsets by
 * prefix, with the {@code inet6:} forms of the IPv6 sets. Nothing else is ever changed or removed.
 */
public final class FirewallOwnership {

    public static final KernelOwnership OWNERSHIP = new KernelOwnership(
            List.of(Names.INPUT_CHAIN, Names.FORWARD_CHAIN, Names.OUTPUT_CHAIN, Names.POD_CHAIN_PREFIX,
                    Names.POLICY_CHAIN_PREFIX),
            List.of(Names.SOURCE_SET_PREFIX, Names.DESTINATION_SET_PREFIX, Names.LOCAL_PODS_SET,
                    Names.INET6_SET_PREFIX + Names.SOURCE_SET_PREFIX,
                    Names.INET6_SET_PREFIX + Names.DESTINATION_SET_PREFIX,
                    Names.INET6_SET_PREFIX + Names.LOCAL_PODS_SET),
            List.of(), List.of(), List.of(), List.of(new KernelOwnership.MarkRange(0x10000, 0x10000),
                    new KernelOwnership.MarkRange(0x20000, 0x20000)));

    private FirewallOwnership() {
    }
}
