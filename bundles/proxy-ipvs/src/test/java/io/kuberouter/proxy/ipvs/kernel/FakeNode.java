package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.testing.FakeKernel;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.ipvs.plan.IpvsTranslation;
import io.kuberouter.proxy.model.NodeContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A fake kernel set up as node n1 (eth0 10.99.0.1/24, kube-bridge 10.244.1.1/24) and a desired state to feed it. */
final class FakeNode {

    final FakeKernel fake = new FakeKernel();
    final ProxyKernel kernel = new ProxyKernel(fake.ipvs(), fake.links(), fake.addresses(), fake.routes(),
            fake.conntrack(), fake.sysctls(), fake.iptables(), fake.ipsets());
    final DesiredIpvs desired = new DesiredIpvs();
    final NodeContext node = Nodes.n1("10.99.0.1", "10.244.1.1");

    FakeNode() throws Exception {
        fake.links().add(new LinkSpec.Veth("eth0", 0, "uplink", Optional.empty()));
        fake.addresses().add(Address.of("eth0", IpPrefix.parse("10.99.0.1/24")));
        fake.links().add(new LinkSpec.Bridge("kube-bridge", 0));
        fake.addresses().add(Address.of("kube-bridge", IpPrefix.parse("10.244.1.1/24")));
        fake.sysctls().define("net/ipv4/conf/eth0/rp_filter", "1");
        fake.sysctls().define("net/ipv4/conf/all/rp_filter", "1");
    }

    LocalAddresses local() throws Exception {
        return LocalAddresses.read(kernel);
    }

    /** Puts one Service with one virtual server into the desired state; returns the changed keys. */
    Set<ServiceKey> put(String name, FrontendKind kind, String vip, Protocol protocol, int port, String... backends) {
        ObjectKey key = new ObjectKey("shop", name);
        VirtualServer server = new VirtualServer(key, "", new Frontend(kind, vip, protocol, port),
                Scheduling.ROUND_ROBIN, Delivery.NAT, Arrays.stream(backends).map(FakeNode::backend).toList());
        return put(new ProxiedService(key, List.of(server), List.of()));
    }

    Set<ServiceKey> put(ProxiedService model) {
        Set<ServiceKey> changed = new HashSet<>();
        desired.put(model, IpvsTranslation.entries(model), changed);
        return changed;
    }

    Set<ServiceKey> remove(String name) {
        Set<ServiceKey> changed = new HashSet<>();
        desired.remove(new ObjectKey("shop", name), changed);
        return changed;
    }

    private static Backend backend(String target) {
        int colon = target.lastIndexOf(':');
        return new Backend(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)), "n1", null,
                true, true, false);
    }
}
