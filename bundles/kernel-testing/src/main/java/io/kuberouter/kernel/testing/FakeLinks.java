package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.util.List;
import java.util.Optional;

/**
 * Fake {@link Links}. Operations {@code RTM_GETLINK}, {@code RTM_NEWLINK} (create and change),
 * {@code RTM_DELLINK}. Indexes are allocated per namespace from 1 ({@code lo}); a veth pair is two
 * links deleted together (a peer moved or created in another namespace stays there); deleting a
 * link drops its addresses, its routes and its
 * {@code net/ipv4/conf/NAME} sysctls. MTU must be 68..65535.
 */
public final class FakeLinks implements Links {

    private static final String GET = "RTM_GETLINK";
    private static final String NEW = "RTM_NEWLINK";
    private static final String DEL = "RTM_DELLINK";

    private final FakeKernel kernel;

    FakeLinks(FakeKernel kernel) {
        this.kernel = kernel;
    }

    static void addLoopback(NetnsState ns) {
        insert(ns, "lo", "", 65536);
        ns.links.computeIfPresent(1, (i, l) -> new Link(i, l.name(), l.kind(), l.mtu(), true, 0));
    }

    @Override
    public List<Link> list() throws KernelException {
        synchronized (kernel) {
            return List.copyOf(kernel.enter(GET, "").links.values());
        }
    }

    @Override
    public Optional<Link> get(String name) throws KernelException {
        synchronized (kernel) {
            return Optional.ofNullable(kernel.enter(GET, name).link(name));
        }
    }

    @Override
    public Link add(LinkSpec spec) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(NEW, spec.name());
            int mtu = spec.mtu() == 0 ? 1500 : checkMtu(spec.name(), spec.mtu());
            if (spec instanceof LinkSpec.Veth veth) {
                return addVeth(ns, veth, mtu);
            }
            exists(ns, spec.name());
            return insert(ns, spec.name(), spec.kind(), mtu);
        }
    }

    @Override
    public void delete(String name) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(DEL, name);
            Link link = required(ns, name, DEL);
            remove(ns, link);
            Integer peer = ns.vethPeers.remove(link.index());
            if (peer != null) {
                ns.vethPeers.remove(peer);
                Link p = ns.links.get(peer);
                if (p != null) {
                    remove(ns, p);
                }
            }
        }
    }

    @Override
    public void setUp(String name, boolean up) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(NEW, name);
            Link l = required(ns, name, NEW);
            ns.links.put(l.index(), new Link(l.index(), l.name(), l.kind(), l.mtu(), up, l.masterIndex()));
        }
    }

    @Override
    public void setMtu(String name, int mtu) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(NEW, name);
            Link l = required(ns, name, NEW);
            checkMtu(name, mtu);
            ns.links.put(l.index(), new Link(l.index(), l.name(), l.kind(), mtu, l.up(), l.masterIndex()));
        }
    }

    @Override
    public void setMaster(String name, Optional<String> master) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(NEW, name);
            Link l = required(ns, name, NEW);
            int masterIndex = 0;
            if (master.isPresent()) {
                Link m = required(ns, master.get(), NEW);
                if (!m.kind().equals("bridge") || m.index() == l.index()) {
                    throw KernelException.of(NEW, name, Errno.EOPNOTSUPP);
                }
                masterIndex = m.index();
            }
            ns.links.put(l.index(), new Link(l.index(), l.name(), l.kind(), l.mtu(), l.up(), masterIndex));
        }
    }

    @Override
    public void moveToNetns(String name, NetnsRef target) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(NEW, name);
            Link l = required(ns, name, NEW);
            NetnsState to = kernel.state(target, NEW);
            exists(to, name);
            remove(ns, l);
            ns.vethPeers.remove(l.index());
            insert(to, name, l.kind(), l.mtu());
        }
    }

    private Link addVeth(NetnsState ns, LinkSpec.Veth veth, int mtu) throws KernelException {
        NetnsState peerNs = veth.peerNetns().isPresent() ? kernel.state(veth.peerNetns().get(), NEW) : ns;
        exists(ns, veth.name());
        exists(peerNs, veth.peerName());
        if (peerNs == ns && veth.name().equals(veth.peerName())) {
            throw KernelException.of(NEW, veth.name(), Errno.EEXIST);
        }
        Link link = insert(ns, veth.name(), "veth", mtu);
        Link peer = insert(peerNs, veth.peerName(), "veth", mtu);
        if (peerNs == ns) {
            ns.vethPeers.put(link.index(), peer.index());
            ns.vethPeers.put(peer.index(), link.index());
        }
        return link;
    }

    private static Link insert(NetnsState ns, String name, String kind, int mtu) {
        Link link = new Link(ns.nextIndex++, name, kind, mtu, false, 0);
        ns.links.put(link.index(), link);
        FakeSysctls.linkAdded(ns, name);
        return link;
    }

    private static void remove(NetnsState ns, Link link) {
        ns.links.remove(link.index());
        ns.addresses.removeIf(a -> a.link().equals(link.name()));
        ns.routes.removeIf(r -> r.nexthops().stream().anyMatch(n -> n.dev().equals(Optional.of(link.name()))));
        ns.links.replaceAll((i, l) -> l.masterIndex() == link.index()
                ? new Link(i, l.name(), l.kind(), l.mtu(), l.up(), 0) : l);
        FakeSysctls.linkRemoved(ns, link.name());
    }

    private static void exists(NetnsState ns, String name) throws KernelException {
        if (ns.link(name) != null) {
            throw KernelException.of(NEW, name, Errno.EEXIST);
        }
    }

    static Link required(NetnsState ns, String name, String operation) throws KernelException {
        Link l = ns.link(name);
        if (l == null) {
            throw KernelException.of(operation, name, Errno.ENODEV);
        }
        return l;
    }

    private static int checkMtu(String name, int mtu) throws KernelException {
        if (mtu < 68 || mtu > 65535) {
            throw new KernelException(NEW, name, Errno.EINVAL.number(), "mtu " + mtu + " out of 68..65535");
        }
        return mtu;
    }
}
