package io.kuberouter.kernel.netlink.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored capture under {@code src/test/resources/vectors} (see its README): the netlink buffers a
 * tool sent and received, parsed from {@code strace -e write=all -e read=all} hex dumps. Receives
 * made with {@code MSG_PEEK} (libnl peeks before every read) are skipped, so each datagram counts once.
 * The vectors were captured on x86-64, so they are in little-endian host order.
 */
public final class Capture {

    private static final Pattern CALL = Pattern.compile("^\\d+\\s+(sendmsg|sendto|recvmsg|recvfrom)\\(.*");
    private static final Pattern HEX = Pattern.compile("^ \\| [0-9a-f]{5}  (.{48})");

    private final String name;
    private final List<byte[]> sent = new ArrayList<>();
    private final List<byte[]> received = new ArrayList<>();

    private Capture(String name) {
        this.name = name;
    }

    /** Loads {@code vectors/<path>.strace}. */
    public static Capture load(String path) {
        assertEquals(ByteOrder.LITTLE_ENDIAN, ByteOrder.nativeOrder(), "vectors are little-endian captures");
        Capture c = new Capture(path);
        try (InputStream in = Capture.class.getResourceAsStream("/vectors/" + path + ".strace")) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + path);
            }
            c.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    private void parse(BufferedReader lines) throws IOException {
        List<byte[]> target = null;
        ByteBuffer buf = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher call = CALL.matcher(line);
            Matcher hex = HEX.matcher(line);
            if (call.matches()) {
                flush(target, buf);
                target = line.contains("MSG_PEEK") ? null : call.group(1).startsWith("send") ? sent : received;
                buf = ByteBuffer.allocate(1 << 20);
            } else if (hex.find() && target != null) {
                buf.put(HexFormat.of().parseHex(hex.group(1).replace(" ", "")));
            }
        }
        flush(target, buf);
    }

    private static void flush(List<byte[]> target, ByteBuffer buf) {
        if (target != null && buf.position() > 0) {
            byte[] bytes = new byte[buf.position()];
            buf.flip().get(bytes);
            target.add(bytes);
        }
    }

    /** Every sent message, trimmed to its nlmsg_len (iproute2 sends its whole request struct). */
    public List<byte[]> sent() {
        List<byte[]> out = new ArrayList<>();
        for (byte[] b : sent) {
            int length = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            out.add(Arrays.copyOf(b, length));
        }
        return out;
    }

    /**
     * The last sent message of netlink type {@code type}: the operation itself, after iproute2's
     * preliminaries (an empty RTM_NEWLINK probing for support, an RTM_GETLINK resolving a name).
     */
    public byte[] sent(int type) {
        List<byte[]> matching = sent().stream().filter(b -> (b[4] & 0xff | (b[5] & 0xff) << 8) == type).toList();
        assertTrue(!matching.isEmpty(), name + ": no sent message of type " + type);
        return matching.get(matching.size() - 1);
    }

    /** The only sent generic netlink message of family {@code familyId} with genl command {@code cmd}. */
    public byte[] sentGenl(int familyId, int cmd) {
        List<byte[]> matching = sent().stream()
                .filter(b -> (b[4] & 0xff | (b[5] & 0xff) << 8) == familyId && b[16] == cmd).toList();
        assertEquals(1, matching.size(), name + ": sent genl messages of command " + cmd);
        return matching.get(0);
    }

    /** Every received message, datagrams split. */
    public List<Message> received() {
        List<Message> out = new ArrayList<>();
        received.forEach(b -> out.addAll(Message.split(ByteBuffer.wrap(b))));
        return out;
    }

    /** Received messages of netlink type {@code type}. */
    public List<Message> received(int type) {
        return received().stream().filter(m -> m.type() == type).toList();
    }

    /**
     * Asserts that {@code ours}, once the socket has stamped it (sequence number and port id as in
     * {@code theirs}, {@code socketFlags} or-ed into the flags), equals {@code theirs} byte for byte.
     */
    public static void assertSameMessage(byte[] theirs, byte[] ours, int socketFlags) {
        byte[] stamped = stamp(theirs, ours, socketFlags);
        assertEquals(hex(theirs), hex(stamped));
        assertTrue(Arrays.equals(theirs, stamped));
    }

    private static byte[] stamp(byte[] theirs, byte[] ours, int socketFlags) {
        byte[] stamped = ours.clone();
        ByteBuffer s = ByteBuffer.wrap(stamped).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer t = ByteBuffer.wrap(theirs).order(ByteOrder.LITTLE_ENDIAN);
        if (theirs.length >= Netlink.HEADER_LENGTH) {
            s.putShort(6, (short) (s.getShort(6) | socketFlags)).putInt(8, t.getInt(8)).putInt(12, t.getInt(12));
        }
        return stamped;
    }

    /** True iff {@code ours}, stamped as by {@link #assertSameMessage}, equals one of the sent messages. */
    public boolean containsSent(byte[] ours, int socketFlags) {
        return sent().stream().anyMatch(theirs -> Arrays.equals(theirs, stamp(theirs, ours, socketFlags)));
    }

    /** Hex in 4-byte groups, 16 bytes per line, for readable diffs. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            sb.append(String.format("%02x", bytes[i])).append(i % 16 == 15 ? "\n" : i % 4 == 3 ? "  " : "");
        }
        return sb.toString();
    }
}
