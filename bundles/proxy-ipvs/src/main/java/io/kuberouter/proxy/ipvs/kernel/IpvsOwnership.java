package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.capability.KernelOwnership.VipRange;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.model.Settings;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which IPVS virtual services the proxy owns, so may delete (a full round's stale ones, and all of them when the
 * capability stops for good or on {@code --cleanup-config}):
 * <ul>
 * <li>address-based ones whose address is in {@link #vipRanges()}: the service cluster IP ranges, and the external
 * and LoadBalancer IP ranges, which with {@code --strict-external-ip-validation} (the default) are the only
 * addresses the proxy programs beside ClusterIPs; without strict validation any address can be an external IP, so
 * every address is claimed, as kube-router's {@code cleanupStaleIPVSConfig} does;</li>
 * <li>address-based ones on a port of {@code --service-node-port-range}, wherever they are (NodePorts sit on the
 * node's addresses);</li>
 * <li>never one inside {@code --excluded-cidrs};</li>
 * <li>the fwmark ones in kube-router's DSR mark range (FNV-32a &amp; 0x3FFF, behaviour inventory §3.7), which the
 * proxy programs for the frontends DSR claims (the marks are DSR's to declare).</li>
 * </ul>
 * Any other virtual service (an operator's {@code ipvsadm}, another tool's) is never touched.
 *
 * @param vipRanges the address ranges claimed whatever the port
 * @param firstNodePort first port of {@code --service-node-port-range}
 * @param lastNodePort last port of {@code --service-node-port-range}
 * @param excludedCidrs {@code --excluded-cidrs}
 */
public record IpvsOwnership(List<VipRange> vipRanges, int firstNodePort, int lastNodePort,
        List<IpPrefix> excludedCidrs) {

    /** The largest firewall mark of a DSR frontend. */
    private static final int MAX_DSR_MARK = 0x3FFF;
    private static final List<VipRange> EVERY_ADDRESS = List.of(VipRange.of("0.0.0.0/0"), VipRange.of("::/0"));

    public IpvsOwnership {
        vipRanges = List.copyOf(vipRanges);
        excludedCidrs = List.copyOf(excludedCidrs);
        if (firstNodePort < 1 || lastNodePort < firstNodePort || lastNodePort > 65535) {
            throw new IllegalArgumentException("bad NodePort range " + firstNodePort + "-" + lastNodePort);
        }
    }

    /** What the proxy configured with {@code model} and these flags owns. */
    public static IpvsOwnership of(Settings model, int firstNodePort, int lastNodePort, List<IpPrefix> excluded) {
        List<VipRange> ranges = !model.strictExternalIpValidation() ? EVERY_ADDRESS
                : Stream.of(model.clusterIpRanges(), model.externalIpRanges(), model.loadBalancerIpRanges())
                        .flatMap(List::stream).map(r -> VipRange.of(r.toString())).toList();
        return new IpvsOwnership(ranges, firstNodePort, lastNodePort, excluded);
    }

    /** Every address-based virtual service outside {@code excluded} (upstream's rule; tests on a private node). */
    public static IpvsOwnership everything(List<IpPrefix> excluded) {
        return new IpvsOwnership(EVERY_ADDRESS, 30000, 32767, excluded);
    }

    public boolean owns(ServiceKey key) {
        if (key instanceof ServiceKey.ByAddress byAddress) {
            boolean claimed = vipRanges.stream().anyMatch(range -> range.contains(byAddress.address()))
                    || byAddress.port() >= firstNodePort && byAddress.port() <= lastNodePort;
            return claimed && excludedCidrs.stream().noneMatch(cidr -> cidr.contains(byAddress.address()));
        }
        int mark = ((ServiceKey.ByFwmark) key).fwmark();
        return mark > 0 && mark <= MAX_DSR_MARK;
    }
}
