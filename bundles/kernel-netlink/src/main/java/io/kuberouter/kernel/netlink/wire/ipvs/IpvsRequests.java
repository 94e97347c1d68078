package io.kuberouter.kernel.netlink.wire.ipvs;

import static io.kuberouter.kernel.netlink.wire.ipvs.IpvsAttributes.*;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import io.kuberouter.kernel.netlink.wire.genl.Genl;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Encodes IPVS generic netlink requests (include/uapi/linux/ip_vs.h) for the family id the controller
 * resolved. Full entries (NEW/SET) carry the same attributes in the same order as {@code ipvsadm};
 * requests that only name a service or destination carry its identity alone (service key; destination
 * address and port), which is all the kernel reads for them ({@code ip_vs_genl_parse_service} and
 * {@code ip_vs_genl_parse_dest} with {@code full_entry} false). Not thread-safe.
 */
public final class IpvsRequests {

    private final int familyId;
    private final MessageWriter w = new MessageWriter();

    public IpvsRequests(int familyId) {
        this.familyId = familyId;
    }

    /** {@code CTRL_CMD_GETFAMILY "IPVS"}: resolves the family id this class needs. */
    public static Request resolveFamily() {
        return Genl.getFamily(FAMILY_NAME);
    }

    public Request newService(VirtualService service) {
        return serviceRequest(CMD_NEW_SERVICE, "IPVS_CMD_NEW_SERVICE", service);
    }

    public Request setService(VirtualService service) {
        return serviceRequest(CMD_SET_SERVICE, "IPVS_CMD_SET_SERVICE", service);
    }

    public Request delService(ServiceKey key) {
        begin(CMD_DEL_SERVICE, 0);
        w.endNest(key(w.nest(CMD_ATTR_SERVICE | Netlink.NLA_F_NESTED), key));
        return new Request(w.finish(), "IPVS_CMD_DEL_SERVICE", key.toString());
    }

    public Request newDestination(ServiceKey key, Destination destination) {
        return destinationRequest(CMD_NEW_DEST, "IPVS_CMD_NEW_DEST", key, destination);
    }

    public Request setDestination(ServiceKey key, Destination destination) {
        return destinationRequest(CMD_SET_DEST, "IPVS_CMD_SET_DEST", key, destination);
    }

    /** Names the destination by address and port alone, as the kernel identifies it. */
    public Request delDestination(ServiceKey key, Destination destination) {
        begin(CMD_DEL_DEST, 0);
        w.endNest(key(w.nest(CMD_ATTR_SERVICE | Netlink.NLA_F_NESTED), key));
        w.endNest(target(w.nest(CMD_ATTR_DEST | Netlink.NLA_F_NESTED), destination));
        return new Request(w.finish(), "IPVS_CMD_DEL_DEST", key + " -> " + destination.target());
    }

    /** Dump of every service ({@code ipvsadm -Ln}). */
    public Request getServices() {
        begin(CMD_GET_SERVICE, Netlink.NLM_F_DUMP);
        return new Request(w.finish(), "IPVS_CMD_GET_SERVICE", "");
    }

    /** Dump of the destinations of one service. */
    public Request getDestinations(ServiceKey key) {
        begin(CMD_GET_DEST, Netlink.NLM_F_DUMP);
        w.endNest(key(w.nest(CMD_ATTR_SERVICE | Netlink.NLA_F_NESTED), key));
        return new Request(w.finish(), "IPVS_CMD_GET_DEST", key.toString());
    }

    /** Deletes every service ({@code ipvsadm -C}). */
    public Request flush() {
        begin(CMD_FLUSH, 0);
        return new Request(w.finish(), "IPVS_CMD_FLUSH", "");
    }

    public Request getConfig() {
        begin(CMD_GET_CONFIG, 0);
        return new Request(w.finish(), "IPVS_CMD_GET_CONFIG", "");
    }

    /** Sets the global timeouts ({@code ipvsadm --set}); 0 leaves a timeout unchanged. */
    public Request setConfig(IpvsTimeouts timeouts) {
        begin(CMD_SET_CONFIG, 0);
        w.u32(CMD_ATTR_TIMEOUT_TCP, timeouts.tcp()).u32(CMD_ATTR_TIMEOUT_TCP_FIN, timeouts.tcpFin())
                .u32(CMD_ATTR_TIMEOUT_UDP, timeouts.udp());
        return new Request(w.finish(), "IPVS_CMD_SET_CONFIG", timeouts.toString());
    }

    private Request serviceRequest(int cmd, String operation, VirtualService service) {
        begin(cmd, 0);
        int nest = key(w.nest(CMD_ATTR_SERVICE | Netlink.NLA_F_NESTED), service.key());
        w.string(SVC_SCHED_NAME, service.scheduler());
        w.bytes(SVC_FLAGS, flags(ServiceFlag.toBits(service.flags()), -1));
        w.u32(SVC_TIMEOUT, service.timeout());
        if (service.key().family() == AddressFamily.INET) {
            w.be32(SVC_NETMASK, service.netmask() == 0 ? 0 : -1 << (32 - service.netmask()));
        } else {
            w.u32(SVC_NETMASK, service.netmask());
        }
        w.endNest(nest);
        return new Request(w.finish(), operation, service.key().toString());
    }

    private Request destinationRequest(int cmd, String operation, ServiceKey key, Destination d) {
        begin(cmd, 0);
        w.endNest(key(w.nest(CMD_ATTR_SERVICE | Netlink.NLA_F_NESTED), key));
        int nest = target(w.nest(CMD_ATTR_DEST | Netlink.NLA_F_NESTED), d);
        w.u32(DEST_FWD_METHOD, d.method().code());
        w.u32(DEST_WEIGHT, d.weight());
        w.u8(DEST_TUN_TYPE, 0).be16(DEST_TUN_PORT, 0).u16(DEST_TUN_FLAGS, 0);
        w.u32(DEST_U_THRESH, d.upperThreshold()).u32(DEST_L_THRESH, d.lowerThreshold());
        w.endNest(nest);
        return new Request(w.finish(), operation, key + " -> " + d.target());
    }

    /** Writes the identity attributes of a destination after the nest header at {@code mark}. */
    private int target(int mark, Destination d) {
        w.u16(DEST_ADDR_FAMILY, AddressFamily.of(d.address()).number());
        w.bytes(DEST_ADDR, inetAddr(d.address()));
        w.be16(DEST_PORT, d.port());
        return mark;
    }

    /** Writes the identity attributes of a service after the nest header at {@code mark}. */
    private int key(int mark, ServiceKey key) {
        w.u16(SVC_AF, key.family().number());
        if (key instanceof ServiceKey.ByFwmark byMark) {
            w.u32(SVC_FWMARK, byMark.fwmark());
        } else {
            ServiceKey.ByAddress byAddress = (ServiceKey.ByAddress) key;
            w.u16(SVC_PROTOCOL, byAddress.protocol().number());
            w.bytes(SVC_ADDR, inetAddr(byAddress.address()));
            w.be16(SVC_PORT, byAddress.port());
        }
        return mark;
    }

    private void begin(int cmd, int flags) {
        Genl.begin(w, familyId, cmd, VERSION, flags);
    }

    /** {@code union nf_inet_addr}: the address bytes, zero-padded to 16. */
    private static byte[] inetAddr(InetAddress address) {
        return Arrays.copyOf(address.getAddress(), INET_ADDR_LENGTH);
    }

    /** {@code struct ip_vs_flags} in host byte order. */
    private static byte[] flags(int flags, int mask) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(flags).putInt(mask).array();
    }
}
