package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.ipvs.plan.IpvsEntry;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * The addresses and {@code kube-router-svip-prt} entries an incremental round must look at: those of the
 * changed virtual services before (as last written) and after (as desired). Only these can need a VIP or
 * an ipset entry added or removed.
 */
record Touched(Set<InetAddress> addresses, Set<String> portEntries) {

    static Touched of(Set<ServiceKey> changed, AppliedState before, DesiredIpvs after) {
        Set<InetAddress> addresses = new HashSet<>();
        Set<String> portEntries = new HashSet<>();
        for (ServiceKey key : changed) {
            for (IpvsEntry entry : new IpvsEntry[] {before.entries.get(key), after.entry(key)}) {
                if (entry != null) {
                    addresses.add(entry.vip());
                    portEntries.add(entry.portEntry());
                }
            }
        }
        return new Touched(addresses, portEntries);
    }
}
