package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's own addresses as kube-router's {@code getAllLocalIPs} sees them: every address on every link
 * whose name contains none of {@code dummy}, {@code kube}, {@code docker}, IPv6 link-local ones excepted;
 * plus which link holds each address (to find the node's interface).
 *
 * @param addresses canonical text of the local addresses, in kernel order
 * @param links the link of every address on the node, excluded links included
 */
public record LocalAddresses(List<String> addresses, Map<String, String> links) {

    public LocalAddresses {
        addresses = List.copyOf(addresses);
        links = Map.copyOf(links);
    }

    /** Reads the addresses of the calling thread's namespace. */
    public static LocalAddresses read(ProxyKernel kernel) throws KernelException {
        List<String> local = new ArrayList<>();
        Map<String, String> links = new HashMap<>();
        for (Address a : kernel.addresses().list()) {
            InetAddress ip = a.prefix().address();
            String text = IpPrefix.text(ip);
            links.putIfAbsent(text, a.link());
            boolean excludedLink = a.link().contains("dummy") || a.link().contains("kube") || a.link().contains("docker");
            if (!excludedLink && !(ip instanceof Inet6Address && ip.isLinkLocalAddress()) && !local.contains(text)) {
                local.add(text);
            }
        }
        return new LocalAddresses(local, links);
    }

    /** The link holding {@code address}, if it is on this node. */
    public Optional<String> linkOf(String address) {
        return Optional.ofNullable(links.get(address));
    }
}
