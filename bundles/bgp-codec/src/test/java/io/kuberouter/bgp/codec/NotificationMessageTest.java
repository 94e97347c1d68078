package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.assertNotification;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeReset;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;

/** NOTIFICATION (RFC 4271 §4.5) and the error registry. */
class NotificationMessageTest {

    private static final PeerConstraints PEER = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.EXTERNAL);

    /** bird's "birdc disable s1 ..." (captures/046-s1-bird-notification.hex). */
    private static final String ADMINISTRATIVE_SHUTDOWN = """
            ffffffffffffffffffffffffffffffff  # marker
            0028                              # length 40
            03                                # type 3 NOTIFICATION
            06                                # error code 6 Cease
            02                                # subcode 2 Administrative Shutdown (RFC 4486)
            12                                # shutdown communication length 18 (RFC 9003 §2)
            6d61696e74656e616e63652077696e646f77  # "maintenance window", UTF-8
            """;

    /** gobgpd's "gobgp neighbor 10.99.0.12 reset" (captures/047-s3-gobgpd-notification.hex). */
    private static final String ADMINISTRATIVE_RESET = """
            ffffffffffffffffffffffffffffffff 0015 03  # NOTIFICATION of 21 octets
            06 04                                     # Cease / Administrative Reset, no data
            """;

    @Test
    void administrativeShutdownWithCommunication() {
        NotificationMessage message = decodeMessage(bytes(ADMINISTRATIVE_SHUTDOWN), PEER, NotificationMessage.class);
        assertEquals(Optional.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN), BgpError.of(message));
        byte[] communication = "maintenance window".getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[communication.length + 1];
        data[0] = (byte) communication.length;
        System.arraycopy(communication, 0, data, 1, communication.length);
        assertEquals(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN.notification(Octets.of(data)), message);
        assertBytes(ADMINISTRATIVE_SHUTDOWN, encode(message, PEER));
    }

    @Test
    void administrativeResetRoundTrip() {
        NotificationMessage message = BgpError.CEASE_ADMINISTRATIVE_RESET.notification(Octets.EMPTY);
        assertEquals(message, decodeMessage(bytes(ADMINISTRATIVE_RESET), PEER, NotificationMessage.class));
        assertBytes(ADMINISTRATIVE_RESET, encode(message, PEER));
    }

    @Test
    void unregisteredCodesStillDecode() {
        NotificationMessage message = decodeMessage(bytes("""
                ffffffffffffffffffffffffffffffff 0017 03
                63 07                                    # code 99, subcode 7: not registered
                beef                                     # data
                """), PEER, NotificationMessage.class);
        assertEquals(new NotificationMessage(99, 7, Octets.fromHex("beef")), message);
        assertEquals(Optional.empty(), BgpError.of(message));
    }

    @Test
    void withoutSubcodeIsBadMessageLength() {
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "0014", decodeReset(bytes("""
                ffffffffffffffffffffffffffffffff 0014 03 06  # code only
                """), PEER));
    }

    @Test
    void errorRegistryIsKeyedByCodeAndSubcode() {
        for (BgpError error : BgpError.values()) {
            assertEquals(Optional.of(error), BgpError.of(error.code(), error.subcode()));
        }
        assertEquals(Optional.of(BgpError.HOLD_TIMER_EXPIRED), BgpError.of(4, 0));
        assertEquals(Optional.empty(), BgpError.of(3, 7));
    }
}
