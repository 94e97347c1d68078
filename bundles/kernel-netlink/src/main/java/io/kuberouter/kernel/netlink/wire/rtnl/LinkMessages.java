package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.rtnl.Rtnl.*;

import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.TunnelMode;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.nio.ByteBuffer;

/**
 * {@code RTM_*LINK} requests and replies: {@code struct ifinfomsg} followed by {@code IFLA_*} attributes.
 * New links are named by {@code IFLA_IFNAME}; existing ones by index, resolved first with
 * {@link #getLink}, exactly as iproute2 does. Not thread-safe.
 */
public final class LinkMessages {

    private final MessageWriter w = new MessageWriter();

    /**
     * Creates a link ({@code NLM_F_CREATE | NLM_F_EXCL}: EEXIST if the name is taken).
     *
     * @param peerNetnsFd for a veth whose peer goes to another namespace, an open fd of that namespace
     *        ({@code IFLA_NET_NS_FD}); otherwise -1
     */
    public Request newLink(LinkSpec spec, int peerNetnsFd) {
        w.begin(RTM_NEWLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
        ifinfomsg(AF_UNSPEC, 0, 0, 0);
        nameAndMtu(spec.name(), spec.mtu());
        int linkinfo = w.nest(IFLA_LINKINFO);
        w.chars(IFLA_INFO_KIND, spec.kind());
        if (spec instanceof LinkSpec.Veth veth) {
            int data = w.nest(IFLA_INFO_DATA);
            int peer = w.nest(VETH_INFO_PEER);
            ifinfomsg(AF_UNSPEC, 0, 0, 0);
            if (peerNetnsFd >= 0) {
                w.u32(IFLA_NET_NS_FD, peerNetnsFd);
            }
            nameAndMtu(veth.peerName(), veth.mtu());
            w.endNest(peer).endNest(data);
        } else if (spec instanceof LinkSpec.IpTunnel tunnel) {
            tunnelData(tunnel);
        }
        w.endNest(linkinfo);
        return new Request(w.finish(), "RTM_NEWLINK", spec.name());
    }

    public Request delLink(Link link) {
        w.begin(RTM_DELLINK, Netlink.NLM_F_REQUEST);
        ifinfomsg(AF_UNSPEC, link.index(), 0, 0);
        return new Request(w.finish(), "RTM_DELLINK", link.name());
    }

    /** Sets or clears {@code IFF_UP} ({@code ifi_change} limits the change to that flag). */
    public Request setUp(Link link, boolean up) {
        w.begin(RTM_NEWLINK, Netlink.NLM_F_REQUEST);
        ifinfomsg(AF_UNSPEC, link.index(), up ? IFF_UP : 0, IFF_UP);
        return new Request(w.finish(), "RTM_NEWLINK", link.name() + (up ? " up" : " down"));
    }

    public Request setMtu(Link link, int mtu) {
        w.begin(RTM_NEWLINK, Netlink.NLM_F_REQUEST);
        ifinfomsg(AF_UNSPEC, link.index(), 0, 0);
        w.u32(IFLA_MTU, mtu);
        return new Request(w.finish(), "RTM_NEWLINK", link.name() + " mtu " + mtu);
    }

    /** Enslaves to the link with index {@code masterIndex}, or releases with 0. */
    public Request setMaster(Link link, int masterIndex) {
        w.begin(RTM_NEWLINK, Netlink.NLM_F_REQUEST);
        ifinfomsg(AF_UNSPEC, link.index(), 0, 0);
        w.u32(IFLA_MASTER, masterIndex);
        return new Request(w.finish(), "RTM_NEWLINK", link.name() + " master " + masterIndex);
    }

    /** Moves the link to the namespace open as {@code netnsFd}. */
    public Request setNetns(Link link, int netnsFd) {
        w.begin(RTM_NEWLINK, Netlink.NLM_F_REQUEST);
        ifinfomsg(AF_UNSPEC, link.index(), 0, 0);
        w.u32(IFLA_NET_NS_FD, netnsFd);
        return new Request(w.finish(), "RTM_NEWLINK", link.name() + " netns");
    }

    /** One link by name (what {@code ip} sends to resolve a name; ENODEV if there is none). */
    public Request getLink(String name) {
        w.begin(RTM_GETLINK, Netlink.NLM_F_REQUEST);
        ifinfomsg(AF_UNSPEC, 0, 0, 0);
        w.u32(IFLA_EXT_MASK, RTEXT_FILTER_VF_SKIP_STATS).string(IFLA_IFNAME, name);
        return new Request(w.finish(), "RTM_GETLINK", name);
    }

    /** Dump of every link, as {@code ip link show} asks for it. */
    public Request dumpLinks() {
        w.begin(RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        ifinfomsg(AF_PACKET, 0, 0, 0);
        w.u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
        return new Request(w.finish(), "RTM_GETLINK", "");
    }

    /** Decodes an {@code RTM_NEWLINK} reply. */
    public static Link link(Message message) {
        ByteBuffer p = message.payload();
        Attributes a = Attributes.parse(message.payloadFrom(IFINFOMSG_LENGTH));
        String kind = a.has(IFLA_LINKINFO) ? a.nested(IFLA_LINKINFO).string(IFLA_INFO_KIND, "") : "";
        return new Link(p.getInt(4), a.string(IFLA_IFNAME), kind, a.u32(IFLA_MTU, 0),
                (p.getInt(8) & IFF_UP) != 0, a.u32(IFLA_MASTER, 0));
    }

    private void tunnelData(LinkSpec.IpTunnel tunnel) {
        int data = w.nest(IFLA_INFO_DATA);
        if (tunnel.mode() != TunnelMode.IPIP) {
            w.u8(IFLA_IPTUN_PROTO, tunnel.mode() == TunnelMode.IP6IP6 ? IPPROTO_IPV6 : IPPROTO_IPIP);
        }
        w.address(IFLA_IPTUN_LOCAL, tunnel.local());
        tunnel.remote().ifPresent(r -> w.address(IFLA_IPTUN_REMOTE, r));
        if (tunnel.ttl() > 0) {
            w.u8(IFLA_IPTUN_TTL, tunnel.ttl());
        }
        if (tunnel.mode() != TunnelMode.IPIP) {
            w.u8(IFLA_IPTUN_ENCAP_LIMIT, IP6_TNL_DEFAULT_ENCAP_LIMIT);
        }
        w.endNest(data);
    }

    private void nameAndMtu(String name, int mtu) {
        w.string(IFLA_IFNAME, name);
        if (mtu > 0) {
            w.u32(IFLA_MTU, mtu);
        }
    }

    private void ifinfomsg(int family, int index, int flags, int change) {
        w.putU8(family).putU8(0).putU16(0).putU32(index).putU32(flags).putU32(change);
    }
}
