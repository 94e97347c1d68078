package io.kuberouter.hairpin.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ports of the pod bridge {@code kube-bridge} as sysfs shows them: each port's {@code brport/hairpin_mode} and
 * {@code brport/port_no}, and the bridge's forwarding database ({@code brforward}: learned MAC address to port
 * number), so that a pod's port is found by the pod's MAC address. Read-only. The sysfs root is the node's
 * {@code /sys}; it must show the agent's network namespace (it does on a node, where the agent runs in the host
 * namespace).
 */
final class BridgePorts {

    /** A bridge port and its hairpin flag. */
    record Port(String name, boolean hairpin) {
    }

    /** Size of {@code struct __fdb_entry} (linux/if_bridge.h): mac[6], port_no, is_local, ageing[4], port_hi, pad. */
    private static final int FDB_ENTRY = 16;

    private final Path sysfs;

    BridgePorts(Path sysfs) {
        this.sysfs = sysfs;
    }

    /** The port of {@code bridge} that learned {@code mac} (lower-case {@code aa:bb:...}), if any. */
    Optional<Port> portOf(String bridge, String mac) {
        Map<Integer, Port> byNumber = ports(bridge);
        // brforward reports size 0 and answers count/16 entries per read: read in large chunks, not by its size
        try (InputStream in = Files.newInputStream(sysfs.resolve("class/net").resolve(bridge).resolve("brforward"))) {
            ByteBuffer fdb = ByteBuffer.wrap(in.readAllBytes());
            for (int at = 0; at + FDB_ENTRY <= fdb.limit(); at += FDB_ENTRY) {
                String entryMac = HexFormat.ofDelimiter(":").formatHex(fdb.array(), at, at + 6);
                boolean local = fdb.get(at + 7) != 0;
                int number = (Byte.toUnsignedInt(fdb.get(at + 12)) << 8) | Byte.toUnsignedInt(fdb.get(at + 6));
                if (!local && entryMac.equals(mac) && byNumber.containsKey(number)) {
                    return Optional.of(byNumber.get(number));
                }
            }
        } catch (IOException absent) {
            // no bridge
        }
        return Optional.empty();
    }

    private Map<Integer, Port> ports(String bridge) {
        Map<Integer, Port> ports = new TreeMap<>();
        Path net = sysfs.resolve("class/net");
        try (DirectoryStream<Path> brif = Files.newDirectoryStream(net.resolve(bridge).resolve("brif"))) {
            for (Path p : brif) {
                String name = p.getFileName().toString();
                try {
                    String hairpin = Files.readString(net.resolve(name).resolve("brport/hairpin_mode")).strip();
                    String number = Files.readString(net.resolve(name).resolve("brport/port_no")).strip();
                    ports.put(Integer.decode(number), new Port(name, !hairpin.equals("0")));
                } catch (IOException | NumberFormatException gone) {
                    // the port went away while reading
                }
            }
        } catch (IOException absent) {
            // no bridge
        }
        return ports;
    }
}
