package io.kuberouter.bgp.speaker.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.OpenMessage;

/**
 * One BGP connection on an {@link EmbeddedChannel} with a mock clock: the real pipeline
 * (framing, codec, session), a recording owner, and helpers to play the peer.
 */
final class SessionHarness {

    static final BgpCodec CODEC = BgpCodecs.standard();
    static final Inet4Address LOCAL_ID = address("10.0.0.1");
    static final Inet4Address PEER_ID = address("10.0.0.2");

    final MockTicker clock = Ticker.newMockTicker();
    final RecordingOwner owner = new RecordingOwner();
    final SessionHandler session;
    final EmbeddedChannel channel;
    private final PeerConstraints peerSide;

    /** Local AS 65000 with hold time {@code holdTime} towards peer AS {@code peerAs}, IPv4 unicast. */
    SessionHarness(long peerAs, int holdTime) {
        LocalOpen local = new LocalOpen(65000, LOCAL_ID, peerAs, holdTime, Set.of(AddressFamily.IPV4_UNICAST),
                Optional.empty());
        SessionConstraints constraints = new SessionConstraints(local.peerType());
        session = new SessionHandler(owner, local, constraints, false);
        channel = EmbeddedChannel.builder().ticker(clock).handlers(new FrameDecoder(constraints),
                new MessageDecoder(CODEC, constraints), new MessageEncoder(CODEC, constraints), session).build();
        peerSide = PeerConstraints.fourOctetAsAndExtendedMessages(local.peerType() == PeerType.INTERNAL
                ? PeerType.INTERNAL : PeerType.EXTERNAL);
    }

    /** The peer's OPEN: AS {@code as}, hold time, IPv4 unicast and 4-octet AS capabilities. */
    static OpenMessage peerOpen(long as, int holdTime, Inet4Address id) {
        List<Capability> capabilities = List.of(new MultiprotocolCapability(AddressFamily.IPV4_UNICAST),
                new FourOctetAsCapability(as));
        return OpenMessage.of(as > 0xFFFF ? FourOctetAsCapability.AS_TRANS : (int) as, holdTime, id, capabilities);
    }

    /** Delivers {@code message} as the peer would send it. */
    void receive(BgpMessage message) {
        ByteBuf bytes = Unpooled.buffer();
        CODEC.encode(message, peerSide, bytes);
        channel.writeInbound(bytes);
    }

    void receiveBytes(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    /** The next message this side sent; fails when there is none. */
    BgpMessage sent() {
        ByteBuf bytes = channel.readOutbound();
        assertNotNull(bytes, "nothing sent");
        try {
            DecodeResult result = CODEC.decode(bytes, peerSide);
            return assertInstanceOf(DecodeResult.Decoded.class, result).message();
        } finally {
            bytes.release();
        }
    }

    /** Asserts the next sent message is a NOTIFICATION with {@code code}/{@code subcode}. */
    void assertNotificationSent(int code, int subcode) {
        NotificationMessage notification = assertInstanceOf(NotificationMessage.class, sent());
        assertEquals(code + "/" + subcode, notification.errorCode() + "/" + notification.errorSubcode());
    }

    /** Plays the OPEN exchange up to Established (the local OPEN and KEEPALIVE are consumed). */
    void establish(int peerHoldTime) {
        assertInstanceOf(OpenMessage.class, sent());
        receive(peerOpen(65001, peerHoldTime, PEER_ID));
        assertInstanceOf(KeepaliveMessage.class, sent());
        receive(new KeepaliveMessage());
    }

    /** Advances the mock clock and runs what became due. */
    void advanceSeconds(long seconds) {
        clock.advance(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    static Inet4Address address(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
