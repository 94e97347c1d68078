package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.ipvs.plan.IpvsEntry;
import io.kuberouter.proxy.ipvs.plan.IpvsState;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the proxy knows the kernel holds after its last successful round; an incremental round diffs the
 * changed keys against it instead of reading the kernel. Not thread-safe: owned by the sync thread.
 */
final class AppliedState {

    /** Virtual services as written, draining destinations at weight 0 included. */
    final Map<ServiceKey, IpvsState> ipvs = new HashMap<>();
    /** The desired entry each virtual service was written from. */
    final Map<ServiceKey, IpvsEntry> entries = new HashMap<>();
    /** Addresses on kube-dummy-if. */
    final Set<InetAddress> vips = new HashSet<>();
    /** {@code kube-router-svip} content. */
    final Set<InetAddress> serviceIps = new HashSet<>();
    /** {@code kube-router-svip-prt} content. */
    final Set<String> portEntries = new HashSet<>();
}
