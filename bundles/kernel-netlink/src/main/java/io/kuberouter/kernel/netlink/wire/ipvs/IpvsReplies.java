package io.kuberouter.kernel.netlink.wire.ipvs;

import static io.kuberouter.kernel.netlink.wire.ipvs.IpvsAttributes.*;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsStats;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Families;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.genl.Genl;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes IPVS generic netlink replies: services and destinations of {@code IPVS_CMD_GET_SERVICE} and
 * {@code IPVS_CMD_GET_DEST} dumps (reply commands {@code IPVS_CMD_NEW_SERVICE}/{@code IPVS_CMD_NEW_DEST})
 * and the timeouts of {@code IPVS_CMD_GET_CONFIG}. Counters come from the 64-bit STATS64 nest when the
 * kernel sends it (4.7+), else from STATS.
 */
public final class IpvsReplies {

    private IpvsReplies() {
    }

    /** One service of a {@code IPVS_CMD_GET_SERVICE} dump. */
    public static ServiceStatus service(Message message) {
        Attributes svc = top(message).nested(CMD_ATTR_SERVICE);
        AddressFamily family = Families.of(svc.u16(SVC_AF));
        ServiceKey key = svc.has(SVC_FWMARK) && svc.u32(SVC_FWMARK) != 0
                ? new ServiceKey.ByFwmark(family, svc.u32(SVC_FWMARK))
                : new ServiceKey.ByAddress(svc.address(SVC_ADDR, family.bits() / 8),
                        IpProtocol.of(svc.u16(SVC_PROTOCOL)), svc.be16(SVC_PORT));
        ByteBuffer flags = ByteBuffer.wrap(svc.bytes(SVC_FLAGS)).order(ByteOrder.nativeOrder());
        int netmask = family == AddressFamily.INET ? Integer.bitCount(svc.u32(SVC_NETMASK)) : svc.u32(SVC_NETMASK);
        VirtualService service = new VirtualService(key, svc.string(SVC_SCHED_NAME),
                ServiceFlag.fromBits(flags.getInt(0)), svc.u32(SVC_TIMEOUT), netmask);
        return new ServiceStatus(service, stats(svc, SVC_STATS64, SVC_STATS));
    }

    /**
     * One destination of a {@code IPVS_CMD_GET_DEST} dump; {@code serviceFamily} is the address family
     * when the kernel omits {@code IPVS_DEST_ATTR_ADDR_FAMILY} (before 4.3).
     */
    public static DestinationStatus destination(Message message, AddressFamily serviceFamily) {
        Attributes d = top(message).nested(CMD_ATTR_DEST);
        AddressFamily family = d.has(DEST_ADDR_FAMILY) ? Families.of(d.u16(DEST_ADDR_FAMILY)) : serviceFamily;
        Destination destination = new Destination(d.address(DEST_ADDR, family.bits() / 8), d.be16(DEST_PORT),
                ForwardingMethod.of(d.u32(DEST_FWD_METHOD) & CONN_F_FWD_MASK), d.u32(DEST_WEIGHT),
                d.u32(DEST_U_THRESH), d.u32(DEST_L_THRESH));
        return new DestinationStatus(destination, d.u32(DEST_ACTIVE_CONNS), d.u32(DEST_INACT_CONNS),
                d.u32(DEST_PERSIST_CONNS), stats(d, DEST_STATS64, DEST_STATS));
    }

    /** The global timeouts of a {@code IPVS_CMD_GET_CONFIG} reply. */
    public static IpvsTimeouts timeouts(Message message) {
        Attributes a = top(message);
        return new IpvsTimeouts(a.u32(CMD_ATTR_TIMEOUT_TCP), a.u32(CMD_ATTR_TIMEOUT_TCP_FIN),
                a.u32(CMD_ATTR_TIMEOUT_UDP));
    }

    private static Attributes top(Message message) {
        return Attributes.parse(message.payloadFrom(Genl.HEADER_LENGTH));
    }

    private static IpvsStats stats(Attributes owner, int stats64, int stats32) {
        if (owner.has(stats64)) {
            Attributes s = owner.nested(stats64);
            return new IpvsStats(s.u64(STATS_CONNS), s.u64(STATS_INPKTS), s.u64(STATS_OUTPKTS), s.u64(STATS_INBYTES),
                    s.u64(STATS_OUTBYTES), s.u64(STATS_CPS), s.u64(STATS_INPPS), s.u64(STATS_OUTPPS),
                    s.u64(STATS_INBPS), s.u64(STATS_OUTBPS));
        }
        if (!owner.has(stats32)) {
            return IpvsStats.ZERO;
        }
        Attributes s = owner.nested(stats32);
        return new IpvsStats(unsigned(s.u32(STATS_CONNS)), unsigned(s.u32(STATS_INPKTS)),
                unsigned(s.u32(STATS_OUTPKTS)), s.u64(STATS_INBYTES), s.u64(STATS_OUTBYTES),
                unsigned(s.u32(STATS_CPS)), unsigned(s.u32(STATS_INPPS)), unsigned(s.u32(STATS_OUTPPS)),
                unsigned(s.u32(STATS_INBPS)), unsigned(s.u32(STATS_OUTBPS)));
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }
}
