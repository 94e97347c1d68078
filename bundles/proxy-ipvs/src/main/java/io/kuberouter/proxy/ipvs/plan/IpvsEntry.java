package io.kuberouter.proxy.ipvs.plan;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * What the proxy wants for one IPVS virtual service: the kernel state plus where it comes from.
 *
 * @param owner the Service whose virtual server this is
 * @param frontend the frontend it serves (for fwmark services: the address, protocol and port the mark
 *     stands for)
 * @param vip the frontend address, parsed
 * @param state the virtual service and its destinations, all with weight 1
 * @param bindsAddress true when {@code vip} belongs on kube-dummy-if (ClusterIPs, external and LoadBalancer IPs
 *     whose delivery binds the address)
 */
public record IpvsEntry(ObjectKey owner, Frontend frontend, InetAddress vip, IpvsState state, boolean bindsAddress) {

    public IpvsEntry {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(frontend, "frontend");
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(state, "state");
    }

    public ServiceKey key() {
        return state.service().key();
    }

    /** The {@code kube-router-svip-prt} entry: {@code address,protocol:port}, SCTP written as {@code 132:port} as upstream. */
    public String portEntry() {
        String protocol = frontend.protocol() == Protocol.SCTP ? "132"
                : frontend.protocol().name().toLowerCase(Locale.ROOT);
        return frontend.address() + "," + protocol + ":" + frontend.port();
    }
}
