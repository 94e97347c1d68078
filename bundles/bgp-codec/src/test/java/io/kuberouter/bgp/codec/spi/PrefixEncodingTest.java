package io.kuberouter.bgp.codec.spi;

import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.model.IpPrefix;

/** The compact prefix encoding (RFC 4271 §4.3, RFC 4760 §5). */
class PrefixEncodingTest {

    @Test
    void ipv4PrefixesUseTheFewestOctets() throws NlriException {
        String wire = """
                00                # 0.0.0.0/0: no address octets
                01 80             # 128.0.0.0/1: one octet
                18 0af401         # 10.244.1.0/24: three octets
                19 0af40180       # 10.244.1.128/25: four octets
                20 0af40101       # 10.244.1.1/32
                """;
        List<IpPrefix> prefixes = List.of(IpPrefix.parse("0.0.0.0/0"), IpPrefix.parse("128.0.0.0/1"),
                IpPrefix.parse("10.244.1.0/24"), IpPrefix.parse("10.244.1.128/25"), IpPrefix.parse("10.244.1.1/32"));
        assertEquals(prefixes, readAll(wire, PrefixEncoding.IPV4_OCTETS));
        assertBytes(wire, writeAll(prefixes));
    }

    @Test
    void ipv6Prefixes() throws NlriException {
        String wire = """
                00                                   # ::/0
                30 fd0002440001                      # fd00:244:1::/48
                80 20010db8000000000000000000000001  # 2001:db8::1/128
                """;
        List<IpPrefix> prefixes = List.of(IpPrefix.parse("::/0"), IpPrefix.parse("fd00:244:1::/48"),
                IpPrefix.parse("2001:db8::1/128"));
        assertEquals(prefixes, readAll(wire, PrefixEncoding.IPV6_OCTETS));
        assertBytes(wire, writeAll(prefixes));
    }

    @Test
    void trailingBitsAreIrrelevant() throws NlriException {
        assertEquals(List.of(IpPrefix.parse("10.244.0.0/15")), readAll("0f 0af5", PrefixEncoding.IPV4_OCTETS));
        assertEquals(IpPrefix.parse("10.244.0.0/15"), IpPrefix.parse("10.245.1.2/15"));
    }

    @Test
    void ipv4MappedIpv6PrefixStaysIpv6() throws NlriException {
        IpPrefix mapped = readAll("60 00000000000000000000ffff", PrefixEncoding.IPV6_OCTETS).get(0);
        assertInstanceOf(Inet6Address.class, mapped.address());
        assertEquals(96, mapped.length());
        assertEquals(mapped, IpPrefix.parse("::ffff:0.0.0.0/96"));
    }

    @Test
    void lengthBeyondTheAddressIsRejected() {
        assertThrows(NlriException.class, () -> readAll("21 0af4010100", PrefixEncoding.IPV4_OCTETS));
        assertThrows(NlriException.class, () -> readAll("81 " + "00".repeat(17), PrefixEncoding.IPV6_OCTETS));
    }

    @Test
    void truncatedPrefixIsRejected() {
        assertThrows(NlriException.class, () -> readAll("18 0af4", PrefixEncoding.IPV4_OCTETS));
    }

    @Test
    void familyIsChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> PrefixEncoding.requireFamily(List.of(IpPrefix.parse("fd00::/8")), true));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("localhost/8"));
    }

    private static List<IpPrefix> readAll(String annotatedHex, int addressOctets) throws NlriException {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(annotatedHex));
        try {
            return PrefixEncoding.readAll(in, addressOctets);
        } finally {
            in.release();
        }
    }

    private static byte[] writeAll(List<IpPrefix> prefixes) {
        ByteBuf out = Unpooled.buffer();
        try {
            PrefixEncoding.writeAll(prefixes, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
