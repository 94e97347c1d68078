package io.kuberouter.router.kernel;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import io.kuberouter.router.build.ForwardRules;
import io.kuberouter.router.build.PodNetwork;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Realizes a {@link PodNetwork} (behaviour reference §5.1 steps 4, 7, 8): {@code kube-bridge} created when missing
 * (bridge, with the auto MTU), set up, its MTU set; the FORWARD accept rules of each enabled family synced with one
 * {@code iptables-restore --noflush} (other rules untouched); {@code bridge-nf-call-iptables} (and
 * {@code -ip6tables} with IPv6) set to 1, best effort: the keys exist only with {@code br_netfilter} loaded, which
 * this build does not {@code modprobe}, so their absence is reported, not fatal.
 *
 * <p>Removal (a final stop) deletes the router's FORWARD rules (by shape, whatever interface they name) and
 * {@code kube-bridge} only when no interface is enslaved to it: upstream's cleanup keeps the bridge (§7) and with
 * pods attached it carries their traffic and gateway address, so it stays then. The sysctls are not reset (upstream
 * does not either, and the service proxy and firewall rely on them too).
 */
public final class PodNetworkReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(PodNetworkReconciler.class);

    private final Addresses addresses;
    private final Links links;
    private final Iptables iptables;
    private final Sysctls sysctls;
    private final List<AddressFamily> families;

    /** @param families the families whose FORWARD rules and bridge-netfilter sysctl are managed */
    public PodNetworkReconciler(Addresses addresses, Links links, Iptables iptables, Sysctls sysctls,
            List<AddressFamily> families) {
        this.addresses = addresses;
        this.links = links;
        this.iptables = iptables;
        this.sysctls = sysctls;
        this.families = List.copyOf(families);
    }

    /** The interface holding the first of {@code nodeIps} found on this host, or empty (upstream's node interface). */
    public Optional<Link> nodeInterface(List<InetAddress> nodeIps) throws KernelException {
        List<Address> all = addresses.list();
        for (InetAddress ip : nodeIps) {
            Optional<String> name = all.stream().filter(a -> a.prefix().address().equals(ip)).map(Address::link)
                    .findFirst();
            if (name.isPresent()) {
                return links.get(name.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Applies {@code desired}; a missing bridge-netfilter sysctl goes to {@code problems}.
     *
     * @throws KernelException the bridge or the rules could not be set up
     */
    public void apply(PodNetwork desired, Consumer<String> problems) throws KernelException {
        Link bridge = links.get(PodNetwork.BRIDGE).orElse(null);
        if (bridge == null) {
            bridge = links.add(new LinkSpec.Bridge(PodNetwork.BRIDGE, desired.bridgeMtu().orElse(0)));
            LOG.info("{} created", PodNetwork.BRIDGE);
        }
        if (!bridge.up()) {
            links.setUp(PodNetwork.BRIDGE, true);
        }
        if (desired.bridgeMtu().isPresent() && bridge.mtu() != desired.bridgeMtu().getAsInt()) {
            links.setMtu(PodNetwork.BRIDGE, desired.bridgeMtu().getAsInt());
            LOG.info("{} MTU set to {} (auto-MTU, that of {})", PodNetwork.BRIDGE, desired.bridgeMtu().getAsInt(),
                    desired.nodeInterface());
        }
        for (AddressFamily family : families) {
            syncForward(family, desired.forwardRules());
        }
        for (AddressFamily family : families) {
            String key = family == AddressFamily.INET ? "net/bridge/bridge-nf-call-iptables"
                    : "net/bridge/bridge-nf-call-ip6tables";
            try {
                if (!"1".equals(sysctls.get(key))) {
                    sysctls.set(key, "1");
                }
            } catch (KernelException e) {
                problems.accept(key + " not set to 1 (is the br_netfilter module loaded? pod traffic through "
                        + PodNetwork.BRIDGE + " then bypasses iptables): " + e.getMessage());
            }
        }
    }

    /** Deletes the router's FORWARD rules, then {@code kube-bridge} unless an interface is enslaved to it. */
    public void remove() throws KernelException {
        for (AddressFamily family : families) {
            syncForward(family, List.of());
        }
        Optional<Link> bridge = links.get(PodNetwork.BRIDGE);
        if (bridge.isEmpty() || !"bridge".equals(bridge.get().kind())) {
            return;
        }
        long ports = links.list().stream().filter(link -> link.masterIndex() == bridge.get().index()).count();
        if (ports == 0) {
            links.delete(PodNetwork.BRIDGE);
            LOG.info("{} deleted (no pod attached)", PodNetwork.BRIDGE);
        } else {
            LOG.info("{} kept: {} interfaces (pods) are attached to it", PodNetwork.BRIDGE, ports);
        }
    }

    private void syncForward(AddressFamily family, List<String> desired) throws KernelException {
        Optional<String> script = ForwardRules.sync(iptables.save(family, "filter"), desired);
        if (script.isPresent()) {
            iptables.restore(family, "filter", script.get(), true);
        }
    }
}
