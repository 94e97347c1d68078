package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.GoldenBytes.decode;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.peerOf;
import static io.kuberouter.bgp.codec.GoldenBytes.resourceBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.kuberouter.bgp.codec.model.NotificationMessage;

/**
 * The malformed probes sent to bird 2.0.12 and gobgpd 3.10.0 (captures/errors, made by
 * captures/lab/rawpeer.py): what this codec decides, and whether the NOTIFICATIONs the real
 * speakers sent agree with it.
 */
class CrossCheckTest {

    /** Where gobgpd's NOTIFICATION differs from RFC 4271 / RFC 7606 and from bird. */
    private static final Set<String> GOBGPD_DEVIATIONS = Set.of(
            "update-duplicate-mp-reach",    // gobgpd: 0/0, as IPv6 was not negotiated; RFC 7606 §3 g: 3/1
            "update-nlri-prefix-33");       // gobgpd: 3/1; RFC 4271 §6.3, RFC 7606 §5.3: Invalid Network Field 3/10

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            open-version-3                   | reset 2/1 0004
            open-hold-time-1                 | reset 2/6
            open-bgp-id-zero                 | reset 2/3
            open-unsupported-parameter       | reset 2/4
            header-bad-marker                | reset 1/1
            header-length-18                 | reset 1/2 0012
            type-9                           | reset 1/3 09
            keepalive-with-body              | reset 1/2 0014
            update-origin-7                  | treat-as-withdraw 3/6
            update-origin-flags-optional     | treat-as-withdraw 3/4
            update-missing-next-hop          | treat-as-withdraw 3/3
            update-unrecognized-well-known   | reset 3/2 4063020102
            update-duplicate-mp-reach        | reset 3/1
            update-nlri-prefix-33            | reset 3/10
            update-withdrawn-length-overrun  | reset 3/1
            update-atomic-aggregate-length-1 | attribute-discard 3/5
            """)
    void decision(String probe, String expected) {
        String path = "captures/errors/" + probe + ".hex";
        assertEquals(expected, describe(decode(resourceBytes(path), peerOf(path))));
    }

    static List<String> notifications() {
        return GoldenBytes.hexFiles("captures/errors").stream()
                .filter(name -> name.endsWith("-notification.hex")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifications")
    void realNotificationsDecodeAndMatchOurs(String path) {
        NotificationMessage theirs = decodeMessage(resourceBytes(path), peerOf(path), NotificationMessage.class);
        String probe = path.replaceAll("-(bird|gobgpd)-notification\\.hex$", "");
        String scenario = probe.substring(probe.lastIndexOf('/') + 1);
        if (path.contains("-gobgpd-") && GOBGPD_DEVIATIONS.contains(scenario)) {
            return;
        }
        DecodeResult.SessionReset ours = GoldenBytes.decodeReset(resourceBytes(probe + ".hex"), peerOf(probe + ".hex"));
        assertEquals(ours.notification().errorCode() + "/" + ours.notification().errorSubcode(),
                theirs.errorCode() + "/" + theirs.errorSubcode());
    }

    private static String describe(DecodeResult result) {
        if (result instanceof DecodeResult.SessionReset reset) {
            NotificationMessage notification = reset.notification();
            String data = notification.data().length() == 0 ? "" : " " + notification.data().toHex();
            return "reset " + notification.errorCode() + "/" + notification.errorSubcode() + data;
        }
        if (result instanceof DecodeResult.TreatAsWithdraw withdraw) {
            return "treat-as-withdraw " + codes(withdraw.errors().get(0).error());
        }
        if (result instanceof DecodeResult.AttributeDiscard discard) {
            return "attribute-discard " + codes(discard.discarded().get(0).error());
        }
        return "decoded";
    }

    private static String codes(BgpError error) {
        return error.code() + "/" + error.subcode();
    }
}
