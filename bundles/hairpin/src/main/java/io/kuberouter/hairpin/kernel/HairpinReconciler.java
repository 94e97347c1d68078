package io.kuberouter.hairpin.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.hairpin.model.DesiredHairpin;
import io.kuberouter.hairpin.model.HairpinRule;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.proxy.pods.PodNetnsFinder;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that writes hairpin's kernel state, chain {@code KUBE-ROUTER-HAIRPIN} per family
 * ({@link HairpinChain}), and checks the pods the rules serve: a hairpin endpoint whose veth on
 * {@code kube-bridge} has {@code hairpin_mode} off is reported (a warning per pod, and {@link #lacking()}) instead
 * of failing silently. The port is found by the pod's MAC address in the bridge's forwarding database, so a pod
 * that has not sent anything yet is checked once it has. Upstream relies on the CNI's
 * {@code "hairpinMode": true} and never checks; its controller that would set the flag is not wired, so neither
 * does this one set it. Not thread-safe: hairpin's runner thread.
 */
public final class HairpinReconciler {

    /** A pod IP no namespace holds (not started yet, hostNetwork) is looked for again after this pause. */
    private static final Duration RESCAN_AFTER_MISS = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(HairpinReconciler.class);
    static final String BRIDGE = "kube-bridge";

    private final HairpinKernel kernel;
    private final Set<IpFamily> families;
    private final PodNetnsFinder finder;
    private final BridgePorts ports;
    private volatile Map<String, String> lacking = Map.of();

    public HairpinReconciler(HairpinKernel kernel, Set<IpFamily> families) {
        this.kernel = kernel;
        this.families = Set.copyOf(families);
        this.finder = new PodNetnsFinder(kernel.netns(), kernel.addresses(), Path.of("/run/netns"), Path.of("/proc"),
                RESCAN_AFTER_MISS);
        this.ports = new BridgePorts(kernel.sysfs());
    }

    public void apply(DesiredHairpin desired) throws KernelException {
        for (IpFamily family : families) {
            Set<HairpinRule> rules = desired.rules().stream().filter(r -> r.family() == family)
                    .collect(Collectors.toCollection(TreeSet::new));
            HairpinChain.write(kernel.iptables(), af(family), rules);
        }
        check(desired.endpoints());
    }

    /** Removes the chain and its jump in every family. */
    public void removeAll() throws KernelException {
        for (IpFamily family : families) {
            HairpinChain.write(kernel.iptables(), af(family), Set.of());
        }
        lacking = Map.of();
    }

    /** Hairpin endpoints whose bridge port has {@code hairpin_mode} off: pod (or IP) to port, after the last sync. */
    public Map<String, String> lacking() {
        return lacking;
    }

    private void check(Map<String, ObjectKey> endpoints) {
        Map<String, String> found = new TreeMap<>();
        for (Map.Entry<String, ObjectKey> endpoint : endpoints.entrySet()) {
            podMac(endpoint.getKey()).flatMap(mac -> ports.portOf(BRIDGE, mac)).filter(port -> !port.hairpin())
                    .ifPresent(port -> found.put(endpoint.getValue() == null ? endpoint.getKey()
                            : endpoint.getValue() + " (" + endpoint.getKey() + ")", port.name()));
        }
        found.forEach((pod, port) -> {
            if (!port.equals(lacking.get(pod))) {
                LOG.warn("hairpin: pod {} has hairpin_mode off on its veth {} of {}: its connections to its own "
                        + "Service through IPVS may fail; set \"hairpinMode\": true in the CNI bridge configuration",
                        pod, port, BRIDGE);
            }
        });
        lacking = Map.copyOf(found);
    }

    /**
     * The MAC address of {@code eth0} in the namespace holding {@code podIp}, read with the JDK's
     * {@link NetworkInterface} (an ioctl on a socket opened inside that namespace).
     */
    private Optional<String> podMac(String podIp) {
        Optional<NetnsRef> ns = finder.find(podIp);
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        try {
            return kernel.netns().call(ns.get(), () -> {
                NetworkInterface eth0 = NetworkInterface.getByName("eth0");
                byte[] mac = eth0 == null ? null : eth0.getHardwareAddress();
                return Optional.ofNullable(mac).map(m -> HexFormat.ofDelimiter(":").formatHex(m));
            });
        } catch (KernelException | RuntimeException e) {
            finder.forget(podIp);
            return Optional.empty();
        }
    }

    private static AddressFamily af(IpFamily family) {
        return family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
    }
}
