package io.kuberouter.proxy.nft.it;

import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.kernel.exec.netfilter.ExecNftables;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.fixture.NetnsScheduler;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkConntrack;
import io.kuberouter.proxy.nft.sync.NftKernel;
import io.kuberouter.proxy.nft.sync.NftProxyController;
import io.kuberouter.proxy.nft.sync.NftSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * The nftables proxy of one test node: the real controller, builder and reconciler over {@code nft -f}, netlink
 * conntrack and addresses, syncing on a thread inside the node's namespace.
 */
final class NftNodeProxy {

    final Netns ns;
    private final NftKernel kernel = new NftKernel();
    private final NftSettings settings;
    private NftProxyController controller;

    NftNodeProxy(Netns ns, NftSettings settings) {
        this.ns = ns;
        this.settings = settings;
        kernel.nftables(new ExecNftables(new SystemProcessRunner(), Duration.ofSeconds(60)), true);
        kernel.addresses(new NetlinkAddresses(), true);
        kernel.conntrack(new NetlinkConntrack(), true);
    }

    /** Starts a fresh controller (as an agent start would) on {@code cluster}. */
    NftProxyController start(ClusterState cluster) {
        controller = new NftProxyController(settings, kernel, Clock.systemUTC(),
                new NetnsScheduler(Inside.ref(ns), "proxy-nft-" + ns.name()));
        controller.bindCluster(cluster);
        controller.start();
        return controller;
    }

    NftProxyController controller() {
        return controller;
    }

    void stop() {
        controller.stop();
    }

    /** Deletes the table (the capability stopped), from inside the node. */
    void removeState() throws Exception {
        Inside.run(ns, controller::removeKernelState);
    }
}
