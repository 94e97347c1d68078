package io.kuberouter.bgp.speaker.impl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** Packing thousands of prefixes into UPDATEs of at most 4096 octets (RFC 4271 §4.3). */
class UpdatePackerTest {

    private static final BgpCodec CODEC = BgpCodecs.standard();
    private static final PeerConstraints PEER = new PeerConstraints(true, false, PeerType.EXTERNAL);
    private final UpdatePacker packer = new UpdatePacker(CODEC, PEER);

    @Test
    void ipv4AnnouncementsAndWithdrawalsFitTheMessageSize() {
        List<IpPrefix> prefixes = prefixes(3000, "10.%d.%d.0/24");
        List<UpdateMessage> announced = packer.announcements(AddressFamily.IPV4_UNICAST,
                List.of(Origin.IGP, AsPath.EMPTY), new byte[] {10, 0, 0, 1}, prefixes);
        assertTrue(announced.size() > 1);
        assertEquals(prefixes, announced.stream().flatMap(m -> m.nlri().stream()).toList());
        List<UpdateMessage> withdrawn = packer.withdrawals(AddressFamily.IPV4_UNICAST, prefixes);
        assertEquals(prefixes, withdrawn.stream().flatMap(m -> m.withdrawnRoutes().stream()).toList());
        assertFitsAndFills(announced);
        assertFitsAndFills(withdrawn);
    }

    @Test
    void ipv6TravelsInMultiprotocolAttributes() {
        List<IpPrefix> prefixes = prefixes(2000, "fd00:%x:%x::/64");
        byte[] nextHop = IpPrefix.parse("fd99::1/128").address().getAddress();
        List<UpdateMessage> announced = packer.announcements(AddressFamily.IPV6_UNICAST,
                List.of(Origin.IGP, AsPath.EMPTY), nextHop, prefixes);
        List<IpPrefix> carried = new ArrayList<>();
        announced.forEach(m -> carried.addAll(m.attribute(MpReachNlri.class).orElseThrow().prefixes()));
        assertEquals(prefixes, carried);
        List<UpdateMessage> withdrawn = packer.withdrawals(AddressFamily.IPV6_UNICAST, prefixes);
        assertEquals(prefixes.size(), withdrawn.stream()
                .mapToInt(m -> m.attribute(MpUnreachNlri.class).orElseThrow().prefixes().size()).sum());
        assertFitsAndFills(announced);
    }

    /** Every message fits in 4096 octets; all but the last are nearly full. */
    private static void assertFitsAndFills(List<UpdateMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            ByteBuf out = Unpooled.buffer();
            CODEC.encode(messages.get(i), PEER, out);
            assertTrue(out.readableBytes() <= 4096, out.readableBytes() + " octets");
            assertTrue(i == messages.size() - 1 || out.readableBytes() > 4000, "filled: " + out.readableBytes());
            out.release();
        }
    }

    private static List<IpPrefix> prefixes(int count, String pattern) {
        return IntStream.range(0, count).mapToObj(i -> IpPrefix.parse(String.format(pattern, i / 256, i % 256))).toList();
    }
}
