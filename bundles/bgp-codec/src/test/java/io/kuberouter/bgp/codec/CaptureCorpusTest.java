package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.GoldenBytes.decode;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static io.kuberouter.bgp.codec.GoldenBytes.headers;
import static io.kuberouter.bgp.codec.GoldenBytes.hex;
import static io.kuberouter.bgp.codec.GoldenBytes.peerOf;
import static io.kuberouter.bgp.codec.GoldenBytes.resourceBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.kuberouter.bgp.codec.model.BgpMessage;

/**
 * Every message captured between gobgpd and bird (captures/README.md) decodes as well-formed and
 * re-encodes to the captured octets, unless its {@code # re-encoded:} header says how the codec's
 * canonical form differs; the canonical form then re-encodes to itself.
 */
class CaptureCorpusTest {

    static List<String> captures() {
        return GoldenBytes.hexFiles("captures");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void decodesAndReEncodes(String capture) {
        PeerConstraints peer = peerOf(capture);
        byte[] captured = resourceBytes(capture);
        byte[] reEncoded = encode(decodeWellFormed(captured, peer), peer);
        if (headers(capture).containsKey("re-encoded")) {
            assertNotEquals(hex(captured), hex(reEncoded), capture + " re-encodes identically, drop its header");
            assertEquals(hex(reEncoded), hex(encode(decodeWellFormed(reEncoded, peer), peer)), "not canonical");
        } else {
            assertEquals(hex(captured), hex(reEncoded));
        }
    }

    private static BgpMessage decodeWellFormed(byte[] message, PeerConstraints peer) {
        return assertInstanceOf(DecodeResult.Decoded.class, decode(message, peer)).message();
    }
}
