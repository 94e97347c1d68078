package io.kuberouter.dsr.it;

import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.dsr.kernel.DsrKernel;
import io.kuberouter.dsr.sync.DsrController;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.netfilter.ExecIptables;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.fixture.NetnsScheduler;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkConntrack;
import io.kuberouter.kernel.netlink.impl.NetlinkIpvs;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import io.kuberouter.kernel.netlink.impl.NetlinkRules;
import io.kuberouter.kernel.netlink.impl.ProcSysctls;
import io.kuberouter.kernel.netlink.impl.SetnsNetns;
import io.kuberouter.proxy.ipvs.kernel.IpvsOwnership;
import io.kuberouter.proxy.ipvs.kernel.ProxyKernel;
import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.ipvs.sync.KernelBindings;
import io.kuberouter.proxy.ipvs.sync.ProxyController;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import io.kuberouter.proxy.model.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The agent of one test node, as the proxy and dsr bundles' DS components wire it, over the real kernel services
 * (netlink, /proc/sys, iptables-legacy and ipset processes), each controller syncing on a thread inside the node's
 * namespace. {@link #startDsr} and {@link #stopDsr} do what SCR does when the dsr bundle starts and stops:
 * construct the component (its controller starts), register it as an extension (the proxy binds it); unregister
 * it (the proxy unbinds it and rebuilds), then deactivate it (it removes its kernel state).
 */
final class DsrNode {

    final Netns ns;
    private final KernelBindings kernels = new KernelBindings();
    private final ExecIptables iptables = new ExecIptables(new SystemProcessRunner(), IptablesBackend.LEGACY,
            Duration.ofSeconds(60), 30);
    private ProxyController proxy;
    private DsrController dsr;

    DsrNode(Netns ns) {
        this.ns = ns;
        kernels.bindAll(new ProxyKernel(new NetlinkIpvs(), new NetlinkLinks(), new NetlinkAddresses(),
                new NetlinkRoutes(), new NetlinkConntrack(), new ProcSysctls(), iptables,
                new ExecIpsets(new SystemProcessRunner(), Duration.ofSeconds(60))));
    }

    ProxyController startProxy(ClusterState cluster) {
        proxy = newProxy();
        proxy.bindCluster(cluster);
        proxy.start();
        return proxy;
    }

    /**
     * The agent starts with both bundles: the extension is bound before the proxy's first sync, as SCR binds the
     * proxy component's references when it activates it.
     */
    void startAgent(ClusterState cluster) {
        proxy = newProxy();
        proxy.addExtension(newDsr(cluster));
        proxy.bindCluster(cluster);
        proxy.start();
    }

    private ProxyController newProxy() {
        Settings model = new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")),
                List.of(IpPrefix.parse("192.0.2.0/24")), List.of(IpPrefix.parse("198.51.100.0/24")), true, false);
        ProxyOptions options = new ProxyOptions(Set.of(IpFamily.IPV4), false, true, false, Duration.ofSeconds(30),
                IpvsOwnership.everything(List.of()), new IpvsTimeouts(0, 0, 0));
        return new ProxyController(new ProxySettings(model, options, Duration.ofMinutes(5)), kernels,
                Clock.systemUTC(), new NetnsScheduler(Inside.ref(ns), "proxy-" + ns.name()));
    }

    /** The dsr bundle starts: its component activates and registers as an extension. */
    DsrController startDsr(ClusterState cluster) {
        proxy.addExtension(newDsr(cluster));
        return dsr;
    }

    private DsrController newDsr(ClusterState cluster) {
        DsrKernel kernel = new DsrKernel(iptables, new NetlinkRules(), new NetlinkRoutes(), new NetlinkLinks(),
                new NetlinkAddresses(), new ProcSysctls(), new SetnsNetns());
        dsr = new DsrController(kernel, Set.of(IpFamily.IPV4), Duration.ofMinutes(5), Clock.systemUTC(),
                new NetnsScheduler(Inside.ref(ns), "dsr-" + ns.name()));
        dsr.start();
        dsr.bindCluster(cluster);
        return dsr;
    }

    /** The dsr bundle stops: the extension is unregistered, then the component deactivates and cleans up. */
    void stopDsr() throws Exception {
        proxy.removeExtension(dsr);
        dsr.stop();
        Inside.run(ns, dsr::removeKernelState);
        dsr = null;
    }

    ProxyController proxy() {
        return proxy;
    }

    DsrController dsr() {
        return dsr;
    }

    void stop() {
        if (dsr != null) {
            dsr.stop();
        }
        if (proxy != null) {
            proxy.stop();
        }
    }
}
