package io.kuberouter.proxy.ipvs.plan;

import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.SchedulerFlag;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The IPVS form of the model, as kube-router programs it (behaviour inventory §3.1): a virtual service per
 * virtual server on {@code VIP:port/protocol} (or on its firewall mark when an extension claimed one), host
 * netmask, the annotation's scheduler, {@code PERSISTENT} with the ClientIP affinity timeout, the scheduler
 * flags, and one destination of weight 1 per backend (masquerading, or tunnelling when claimed).
 */
public final class IpvsTranslation {

    private IpvsTranslation() {
    }

    /** The entries of every virtual server of {@code service}, in model order. */
    public static List<IpvsEntry> entries(ProxiedService service) {
        List<IpvsEntry> entries = new ArrayList<>(service.servers().size());
        for (VirtualServer server : service.servers()) {
            entries.add(entry(server));
        }
        return entries;
    }

    static IpvsEntry entry(VirtualServer server) {
        InetAddress vip = IpPrefix.address(server.frontend().address());
        Delivery delivery = server.delivery();
        ServiceKey key = delivery.fwmark() != 0
                ? new ServiceKey.ByFwmark(AddressFamily.of(vip), (int) delivery.fwmark())
                : new ServiceKey.ByAddress(vip, IpProtocol.valueOf(server.frontend().protocol().name()),
                        server.frontend().port());
        Scheduling scheduling = server.scheduling();
        VirtualService service = new VirtualService(key, scheduling.scheduler(), flags(scheduling),
                scheduling.affinityTimeoutSeconds(), key.family().bits());
        ForwardingMethod method = delivery.forwarding() == Delivery.Forwarding.TUNNEL ? ForwardingMethod.TUNNEL
                : ForwardingMethod.MASQ;
        List<Destination> destinations = new ArrayList<>(server.backends().size());
        for (Backend backend : server.backends()) {
            destinations.add(Destination.of(IpPrefix.address(backend.address()), backend.port(), method, 1));
        }
        boolean binds = delivery.bindsAddress() && server.frontend().kind() != FrontendKind.NODE_PORT;
        return new IpvsEntry(server.service(), server.frontend(), vip, new IpvsState(service, destinations), binds);
    }

    private static Set<ServiceFlag> flags(Scheduling scheduling) {
        EnumSet<ServiceFlag> flags = EnumSet.noneOf(ServiceFlag.class);
        if (scheduling.sticky()) {
            flags.add(ServiceFlag.PERSISTENT);
        }
        for (SchedulerFlag flag : scheduling.flags()) {
            flags.add(switch (flag) {
                case FLAG_1 -> ServiceFlag.SCHED_FALLBACK;
                case FLAG_2 -> ServiceFlag.SCHED_PORT;
                case FLAG_3 -> ServiceFlag.SCHED_FLAG_3;
            });
        }
        return flags;
    }
}
