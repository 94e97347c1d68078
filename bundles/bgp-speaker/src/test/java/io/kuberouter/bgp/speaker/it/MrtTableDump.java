package io.kuberouter.bgp.speaker.it;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.spi.AttributeRegistry;

/**
 * A synthetic IPv4 table as an MRT TABLE_DUMP_V2 file (RFC 6396 §4.3) for {@code gobgp mrt inject}:
 * a PEER_INDEX_TABLE with one peer, then one RIB_IPV4_UNICAST record per prefix. Prefixes are
 * consecutive /24s from 11.0.0.0; every {@code prefixesPerPath} consecutive prefixes share one
 * attribute set (ORIGIN IGP, a 3-AS AS_PATH, NEXT_HOP, one community), all sets distinct.
 *
 * <p>{@code gobgp mrt inject} (3.10) loses the last hundred or so records of a file (its stream
 * ends before the server has read them), so the file repeats its first {@link #REPEATED_TAIL}
 * records at the end: repeats change nothing, and every prefix arrives.
 */
final class MrtTableDump {

    private static final int TABLE_DUMP_V2 = 13;
    private static final int PEER_INDEX_TABLE = 1;
    private static final int RIB_IPV4_UNICAST = 2;
    static final int REPEATED_TAIL = 10_000;
    private static final PeerConstraints FOUR_OCTET = new PeerConstraints(true, true, PeerType.EXTERNAL);

    private final AttributeRegistry attributes = BgpCodecs.standardRegistry().attributes();
    private final Inet4Address nextHop;

    MrtTableDump(Inet4Address nextHop) {
        this.nextHop = nextHop;
    }

    void write(Path file, int prefixes, int prefixesPerPath) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuf record = Unpooled.buffer(256);
            peerIndexTable(record);
            flush(record, PEER_INDEX_TABLE, out);
            byte[] path = null;
            for (int i = 0; i < prefixes + Math.min(REPEATED_TAIL, prefixes); i++) {
                int index = i % prefixes;
                if (path == null || index % prefixesPerPath == 0) {
                    path = pathAttributes(index / prefixesPerPath);
                }
                ribEntry(record, index, i, path);
                flush(record, RIB_IPV4_UNICAST, out);
            }
        }
    }

    /** Prefix {@code i}: the i-th /24 after 11.0.0.0. */
    static IpPrefix prefix(int i) {
        int address = (11 << 24) + (i << 8);
        return new IpPrefix(IpPrefix.addressOf(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                (byte) (address >>> 8), 0}), 24);
    }

    private void peerIndexTable(ByteBuf out) {
        out.writeBytes(nextHop.getAddress()).writeShort(0).writeShort(1);
        out.writeByte(0x02).writeBytes(nextHop.getAddress()).writeBytes(nextHop.getAddress()).writeInt(65001);
    }

    private static void ribEntry(ByteBuf out, int index, int sequence, byte[] path) {
        IpPrefix prefix = prefix(index);
        out.writeInt(sequence).writeByte(24).writeBytes(prefix.address().getAddress(), 0, 3);
        out.writeShort(1).writeShort(0).writeInt(0).writeShort(path.length).writeBytes(path);
    }

    private byte[] pathAttributes(int group) {
        List<PathAttribute> list = List.of(Origin.IGP,
                new AsPath(List.of(AsPathSegment.sequence(3356L, 10000L + group % 50000, 64512L + group / 50000))),
                new NextHop(nextHop), new Communities(List.of(new Community(65001, group % 1000))));
        ByteBuf buf = Unpooled.buffer(64);
        list.forEach(attribute -> attributes.serialize(attribute, FOUR_OCTET, buf));
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }

    private static void flush(ByteBuf record, int subtype, OutputStream out) throws IOException {
        byte[] header = {0, 0, 0, 0, 0, TABLE_DUMP_V2, 0, (byte) subtype, (byte) (record.readableBytes() >>> 24),
            (byte) (record.readableBytes() >>> 16), (byte) (record.readableBytes() >>> 8), (byte) record.readableBytes()};
        out.write(header);
        record.readBytes(out, record.readableBytes());
        record.clear();
    }
}
