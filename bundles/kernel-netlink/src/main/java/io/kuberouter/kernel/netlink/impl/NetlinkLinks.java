package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.netlink.socket.NamespaceFile;
import io.kuberouter.kernel.netlink.wire.rtnl.LinkMessages;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/** {@link Links} over rtnetlink ({@code RTM_*LINK}); one socket per call, in the caller's namespace. */
@Component(service = Links.class)
public final class NetlinkLinks implements Links {

    @Override
    public List<Link> list() throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            return s.links().stream().sorted(Comparator.comparingInt(Link::index)).toList();
        }
    }

    @Override
    public Optional<Link> get(String name) throws KernelException {
        LinkSpec.checkName(name);
        try (RtnlSession s = RtnlSession.open()) {
            return s.find(name);
        }
    }

    @Override
    public Link add(LinkSpec spec) throws KernelException {
        Optional<NetnsRef> peerNs = spec instanceof LinkSpec.Veth veth ? veth.peerNetns() : Optional.empty();
        try (RtnlSession s = RtnlSession.open(); PeerNamespace peer = PeerNamespace.open(peerNs)) {
            s.socket().execute(new LinkMessages().newLink(spec, peer.fd()));
            return s.link(spec.name(), "RTM_NEWLINK", spec.name());
        }
    }

    @Override
    public void delete(String name) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            s.socket().execute(new LinkMessages().delLink(s.link(name, "RTM_DELLINK", name)));
        }
    }

    @Override
    public void setUp(String name, boolean up) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            s.socket().execute(new LinkMessages().setUp(s.link(name, "RTM_NEWLINK", name), up));
        }
    }

    @Override
    public void setMtu(String name, int mtu) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            s.socket().execute(new LinkMessages().setMtu(s.link(name, "RTM_NEWLINK", name), mtu));
        }
    }

    @Override
    public void setMaster(String name, Optional<String> master) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            Link link = s.link(name, "RTM_NEWLINK", name);
            int masterIndex = master.isEmpty() ? 0 : s.link(master.get(), "RTM_NEWLINK", name).index();
            s.socket().execute(new LinkMessages().setMaster(link, masterIndex));
        }
    }

    @Override
    public void moveToNetns(String name, NetnsRef ns) throws KernelException {
        try (RtnlSession s = RtnlSession.open(); NamespaceFile target = NamespaceFile.open(ns)) {
            s.socket().execute(new LinkMessages().setNetns(s.link(name, "RTM_NEWLINK", name), target.fd()));
        }
    }

    /** The namespace a veth peer goes to, held open while the link is created; fd -1 for none. */
    private record PeerNamespace(Optional<NamespaceFile> file) implements AutoCloseable {

        static PeerNamespace open(Optional<NetnsRef> ns) throws KernelException {
            return new PeerNamespace(ns.isPresent() ? Optional.of(NamespaceFile.open(ns.get())) : Optional.empty());
        }

        int fd() {
            return file.map(NamespaceFile::fd).orElse(-1);
        }

        @Override
        public void close() {
            file.ifPresent(NamespaceFile::close);
        }
    }
}
