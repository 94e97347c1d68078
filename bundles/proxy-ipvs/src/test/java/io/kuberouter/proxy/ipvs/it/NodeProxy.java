package io.kuberouter.proxy.ipvs.it;

import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.netfilter.ExecIptables;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.fixture.NetnsScheduler;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkConntrack;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import io.kuberouter.kernel.netlink.impl.ProcSysctls;
import io.kuberouter.proxy.ipvs.kernel.ProxyKernel;
import io.kuberouter.proxy.ipvs.sync.KernelBindings;
import io.kuberouter.proxy.ipvs.sync.ProxyController;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import java.time.Clock;
import java.time.Duration;

/**
 * The proxy of one test node: the real controller, builder and reconciler over the real kernel services
 * (netlink, /proc/sys, iptables-legacy and ipset processes), syncing on a thread inside the node's namespace.
 */
final class NodeProxy {

    final Netns ns;
    final CountingIpvs ipvs = new CountingIpvs();
    private final KernelBindings kernels = new KernelBindings();
    private final ProxySettings settings;
    private ProxyController controller;

    NodeProxy(Netns ns, ProxySettings settings) {
        this.ns = ns;
        this.settings = settings;
        kernels.bindAll(new ProxyKernel(ipvs, new NetlinkLinks(), new NetlinkAddresses(), new NetlinkRoutes(),
                new NetlinkConntrack(), new ProcSysctls(), new ExecIptables(new SystemProcessRunner(),
                        IptablesBackend.LEGACY, Duration.ofSeconds(60), 30),
                new ExecIpsets(new SystemProcessRunner(), Duration.ofSeconds(60))));
    }

    /** Starts a fresh controller (as an agent start would) on {@code cluster}. */
    ProxyController start(ClusterState cluster) {
        controller = new ProxyController(settings, kernels, Clock.systemUTC(),
                new NetnsScheduler(Inside.ref(ns), "proxy-" + ns.name()));
        controller.bindCluster(cluster);
        controller.start();
        return controller;
    }

    ProxyController controller() {
        return controller;
    }

    /** Stops syncing; the kernel keeps the state (an agent stop). */
    void stop() {
        controller.stop();
    }

    /** Removes what the proxy owns (the capability stopped), from inside the node. */
    void removeState() throws Exception {
        Inside.run(ns, controller::removeKernelState);
    }
}
