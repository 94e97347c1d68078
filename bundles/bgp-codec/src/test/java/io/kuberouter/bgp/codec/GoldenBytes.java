package io.kuberouter.bgp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.model.BgpMessage;

/**
 * Golden-byte test support: annotated hex ({@code # comment} to end of line, whitespace ignored),
 * hex resource files with {@code # key: value} headers, and decode / encode through the standard
 * codec with the buffer ownership checks of the codec contract.
 */
public final class GoldenBytes {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern HEADER = Pattern.compile("# ([a-z][a-z-]*): (.*)");

    private GoldenBytes() {
    }

    /** The octets of annotated hex. */
    public static byte[] bytes(String annotatedHex) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotatedHex.split("\n")) {
            int comment = line.indexOf('#');
            digits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", ""));
        }
        return HEX.parseHex(digits);
    }

    /** A whole message: header with computed length around the annotated {@code body}. */
    public static byte[] message(int type, String body) {
        byte[] content = bytes(body);
        byte[] message = new byte[19 + content.length];
        Arrays.fill(message, 0, 16, (byte) 0xFF);
        message[16] = (byte) (message.length >>> 8);
        message[17] = (byte) message.length;
        message[18] = (byte) type;
        System.arraycopy(content, 0, message, 19, content.length);
        return message;
    }

    /** An UPDATE without withdrawn routes; the attribute length is computed. */
    public static byte[] update(String attributes, String nlri) {
        return update("", attributes, nlri);
    }

    /** An UPDATE with computed length fields. */
    public static byte[] update(String withdrawn, String attributes, String nlri) {
        return message(2, lengthPrefixed(withdrawn) + lengthPrefixed(attributes) + hex(bytes(nlri)));
    }

    private static String lengthPrefixed(String annotatedHex) {
        byte[] content = bytes(annotatedHex);
        return String.format("%04x", content.length) + hex(content);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The text of a test resource. */
    public static String resource(String path) {
        try (InputStream in = GoldenBytes.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code *.hex} resources directly in {@code directory}, sorted. */
    public static List<String> hexFiles(String directory) {
        try (Stream<Path> files = Files.list(Path.of(GoldenBytes.class.getResource("/" + directory).toURI()))) {
            return files.map(path -> directory + "/" + path.getFileName()).filter(name -> name.endsWith(".hex"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The octets of a hex resource file. */
    public static byte[] resourceBytes(String path) {
        return bytes(resource(path));
    }

    /** The {@code # key: value} header lines of a hex resource file, keys being lower-case words. */
    public static Map<String, String> headers(String path) {
        return resource(path).lines().map(HEADER::matcher).filter(Matcher::matches)
                .collect(Collectors.toMap(header -> header.group(1), header -> header.group(2),
                        (first, second) -> first));
    }

    /** The peer constraints named in a {@code # peer: internal|external four-octet-as|two-octet-as} header. */
    public static PeerConstraints peerOf(String path) {
        List<String> words = List.of(headers(path).get("peer").split("\\s+"));
        PeerType type = words.contains("internal") ? PeerType.INTERNAL : PeerType.EXTERNAL;
        return new PeerConstraints(words.contains("four-octet-as"), words.contains("extended-message"), type);
    }

    /**
     * Decodes {@code bytes} with the standard codec, checking that the decoder consumed the whole
     * message and neither released nor retained the buffer.
     */
    public static DecodeResult decode(byte[] bytes, PeerConstraints peer) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            DecodeResult result = BgpCodecs.standard().decode(in, peer);
            assertEquals(1, in.refCnt(), "decoder must not release or retain its input");
            assertEquals(0, in.readableBytes(), "decoder must consume the message");
            return result;
        } finally {
            in.release();
        }
    }

    /** Decodes a message that must be well-formed. */
    public static <T extends BgpMessage> T decodeMessage(byte[] bytes, PeerConstraints peer, Class<T> type) {
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, decode(bytes, peer));
        return assertInstanceOf(type, decoded.message());
    }

    /** Decodes a message that must reset the session. */
    public static DecodeResult.SessionReset decodeReset(byte[] bytes, PeerConstraints peer) {
        return assertInstanceOf(DecodeResult.SessionReset.class, decode(bytes, peer));
    }

    /** Encodes with the standard codec. */
    public static byte[] encode(BgpMessage message, PeerConstraints peer) {
        ByteBuf out = Unpooled.buffer();
        try {
            BgpCodecs.standard().encode(message, peer, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Asserts that {@code actual} are the octets of {@code annotatedHex}, comparing as hex for readable failures. */
    public static void assertBytes(String annotatedHex, byte[] actual) {
        assertEquals(hex(bytes(annotatedHex)), hex(actual));
    }

    /** Asserts the NOTIFICATION of a session reset. */
    public static void assertNotification(BgpError error, String dataHex, DecodeResult.SessionReset reset) {
        assertEquals(error.code() + "/" + error.subcode() + " " + dataHex, reset.notification().errorCode() + "/"
                + reset.notification().errorSubcode() + " " + reset.notification().data().toHex(), reset.reason());
    }
}
