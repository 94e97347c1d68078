package io.kuberouter.router.kernel;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.reconcile.Operations;
import io.kuberouter.router.build.RouteInjection;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Realizes the overlay's {@code tun-*} ipip links. A link of that name of another kind is replaced, as upstream
 * does on an encapsulation change; pruning touches only {@code tun-*} links.
 */
final class TunnelOperations implements Operations<LinkSpec.IpTunnel> {

    private final Links links;

    TunnelOperations(Links links) {
        this.links = links;
    }

    @Override
    public void update(LinkSpec.IpTunnel tunnel) throws KernelException {
        Optional<Link> existing = links.get(tunnel.name());
        if (existing.isPresent() && !existing.get().kind().equals(tunnel.kind())) {
            links.delete(tunnel.name());
            existing = Optional.empty();
        }
        if (existing.isEmpty()) {
            links.add(tunnel);
        }
        links.setUp(tunnel.name(), true);
    }

    @Override
    public void delete(LinkSpec.IpTunnel tunnel) throws KernelException {
        deleteLink(tunnel.name());
    }

    @Override
    public void prune(Collection<LinkSpec.IpTunnel> desired) throws KernelException {
        Set<String> wanted = desired.stream().map(LinkSpec::name).collect(Collectors.toSet());
        for (Link link : links.list()) {
            if (link.name().startsWith(RouteInjection.TUNNEL_PREFIX) && !wanted.contains(link.name())) {
                deleteLink(link.name());
            }
        }
    }

    private void deleteLink(String name) throws KernelException {
        try {
            links.delete(name);
        } catch (KernelException e) {
            if (!e.is(Errno.ENODEV)) {
                throw e;
            }
        }
    }
}
