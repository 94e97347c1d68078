package io.kuberouter.bgp.codec.spi;

import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.model.ExtendedMessageCapability;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability.ForwardingState;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.RouteRefreshCapability;
import io.kuberouter.bgp.codec.model.UnknownCapability;

/** Golden bytes of every built-in capability, through the capability registry, both directions. */
class CapabilityCodecTest {

    private static final CapabilityRegistry CAPABILITIES = BgpCodecs.standardRegistry().capabilities();

    static Stream<Arguments> capabilities() {
        return Stream.of(
                arguments("01 04 0001 00 01  # multiprotocol IPv4 unicast (RFC 4760 §8)",
                        new MultiprotocolCapability(AddressFamily.IPV4_UNICAST)),
                arguments("01 04 0002 00 01  # multiprotocol IPv6 unicast",
                        new MultiprotocolCapability(AddressFamily.IPV6_UNICAST)),
                arguments("02 00             # route refresh (RFC 2918 §2)", new RouteRefreshCapability()),
                arguments("06 00             # extended message (RFC 8654 §3)", new ExtendedMessageCapability()),
                arguments("41 04 fa56ea01    # 4-octet AS 4200000001 (RFC 6793 §3)",
                        new FourOctetAsCapability(4_200_000_001L)),
                arguments("""
                        40 0a             # graceful restart as bird and gobgpd send it (captures/005, 006)
                        0078              # R=0 N=0, restart time 120 s
                        0001 01 00        # IPv4 unicast, forwarding not preserved
                        0002 01 00        # IPv6 unicast, forwarding not preserved
                        """, new GracefulRestartCapability(false, false, 120, List.of(
                        new ForwardingState(AddressFamily.IPV4_UNICAST, false),
                        new ForwardingState(AddressFamily.IPV6_UNICAST, false)))),
                arguments("""
                        40 06             # graceful restart after a restart (RFC 4724 §3, RFC 8538 §2)
                        c0b4              # R=1 N=1, restart time 180 s
                        0001 01 80        # IPv4 unicast, F=1: forwarding state preserved
                        """, new GracefulRestartCapability(true, true, 180, List.of(
                        new ForwardingState(AddressFamily.IPV4_UNICAST, true)))),
                arguments("40 02 0fff        # graceful restart, longest restart time, no family",
                        new GracefulRestartCapability(false, false, 4095, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capabilities")
    void serializes(String annotatedHex, Capability capability) {
        assertBytes(annotatedHex, serialize(capability));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capabilities")
    void parses(String annotatedHex, Capability capability) throws MessageException {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(annotatedHex));
        try {
            int code = in.readUnsignedByte();
            ByteBuf value = in.readSlice(in.readUnsignedByte());
            assertEquals(capability, CAPABILITIES.parser(code).orElseThrow().parse(value));
            assertEquals(0, value.readableBytes());
        } finally {
            in.release();
        }
    }

    @Test
    void unknownCapabilityIsWrittenAsReceived() {
        assertBytes("49 04 02 766d 00  # FQDN (73) of gobgpd",
                serialize(new UnknownCapability(73, Octets.fromHex("02766d00"))));
    }

    private static byte[] serialize(Capability capability) {
        ByteBuf out = Unpooled.buffer();
        try {
            CAPABILITIES.serialize(capability, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
