package io.kuberouter.bgp.speaker.impl.session;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.RouteRefreshMessage;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.speaker.SessionState;

/**
 * The BGP finite state machine of one connection (RFC 4271 §8.2.2) from OpenSent to Established,
 * with the hold and keepalive timers (§4.4, §10) on the channel's event loop. Sends OPEN when the
 * connection comes up, checks the peer's OPEN, confirms it with KEEPALIVE, and in Established
 * passes UPDATEs and ROUTE-REFRESHes to its {@link SessionOwner}. Every error ends the connection
 * with the NOTIFICATION RFC 4271 §6 (or RFC 6608 for unexpected messages) prescribes.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {

    /** RFC 4271 §8.2.2: in OpenSent the hold timer is set to a large value, 4 minutes suggested. */
    static final int OPEN_SENT_HOLD_SECONDS = 240;

    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

    private final SessionOwner owner;
    private final LocalOpen local;
    private final SessionConstraints constraints;
    private final boolean inbound;
    private ChannelHandlerContext ctx;
    private SessionState state = SessionState.CONNECT;
    private Negotiation negotiation;
    private SessionTimers timers;
    private NotificationMessage sent;
    private NotificationMessage received;

    public SessionHandler(SessionOwner owner, LocalOpen local, SessionConstraints constraints, boolean inbound) {
        this.owner = owner;
        this.local = local;
        this.constraints = constraints;
        this.inbound = inbound;
    }

    /** The state of this connection: CONNECT before it is up, then OPEN_SENT and on. */
    public SessionState state() {
        return state;
    }

    /** The negotiated parameters once the peer's OPEN was accepted, else null. */
    public Negotiation negotiation() {
        return negotiation;
    }

    /** True if the peer opened the connection (RFC 4271 §6.8 collision resolution needs it). */
    public boolean isInbound() {
        return inbound;
    }

    public Channel channel() {
        return ctx.channel();
    }

    /** True when the peer missed a keepalive on this connection (nothing received for a third of the hold time). */
    public boolean peerSilent() {
        return timers.peerSilent();
    }

    /** Writes a message without flushing. */
    public void write(BgpMessage message) {
        owner.counters().sent(message);
        ctx.write(message, ctx.voidPromise());
    }

    /** Flushes written messages. */
    public void flush() {
        ctx.flush();
    }

    /** True while the channel's outbound buffer has room. */
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    /** Sends {@code notification} and closes the connection once it is written. */
    public void close(NotificationMessage notification) {
        if (state == SessionState.IDLE || sent != null) {
            return;
        }
        if (state == SessionState.CONNECT) {
            ctx.close();
            return;
        }
        sent = notification;
        owner.counters().sent(notification);
        ctx.writeAndFlush(notification).addListener(ChannelFutureListener.CLOSE);
        timers.stop();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        timers = new SessionTimers(context.executor(), this::holdTimerExpired, this::sendKeepalive);
        if (context.channel().isActive()) {
            start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        start();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        try {
            if (message instanceof DecodeResult result && state != SessionState.IDLE && sent == null) {
                timers.received();
                handle(result);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        owner.readComplete(this);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            owner.writable(this);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        timers.stop();
        state = SessionState.IDLE;
        owner.closed(this, new SessionEnd(Optional.ofNullable(sent), Optional.ofNullable(received)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.info("{}: {}", context.channel(), cause.toString());
        } else {
            LOG.warn("{}: unexpected failure", context.channel(), cause);
        }
        context.close();
    }

    private void start() {
        if (state != SessionState.CONNECT) {
            return;
        }
        write(local.message());
        flush();
        state = SessionState.OPEN_SENT;
        timers.hold(OPEN_SENT_HOLD_SECONDS);
    }

    private void handle(DecodeResult result) {
        if (result instanceof DecodeResult.Decoded decoded) {
            handle(decoded.message());
        } else if (result instanceof DecodeResult.AttributeDiscard discard) {
            LOG.info("{}: attributes discarded (RFC 7606): {}", channel(), discard.discarded());
            handle(discard.update());
        } else if (result instanceof DecodeResult.TreatAsWithdraw withdraw) {
            owner.counters().receivedUpdate();
            LOG.info("{}: UPDATE treated as withdraw (RFC 7606): {}", channel(), withdraw.errors());
            if (expect(SessionState.ESTABLISHED)) {
                owner.withdrawReceived(this, withdraw.withdrawn());
            }
        } else if (result instanceof DecodeResult.SessionReset reset) {
            LOG.warn("{}: {}", channel(), reset.reason());
            close(reset.notification());
        }
    }

    private void handle(BgpMessage message) {
        owner.counters().received(message);
        if (message instanceof OpenMessage open) {
            openReceived(open);
        } else if (message instanceof KeepaliveMessage) {
            keepaliveReceived();
        } else if (message instanceof UpdateMessage update) {
            if (expect(SessionState.ESTABLISHED)) {
                owner.updateReceived(this, update);
            }
        } else if (message instanceof RouteRefreshMessage refresh) {
            if (expect(SessionState.ESTABLISHED)) {
                owner.routeRefreshRequested(this, refresh.family());
            }
        } else if (message instanceof NotificationMessage notification) {
            notificationReceived(notification);
        }
    }

    private void notificationReceived(NotificationMessage notification) {
        received = notification;
        LOG.info("{}: NOTIFICATION received {}/{}", channel(), notification.errorCode(), notification.errorSubcode());
        timers.stop();
        ctx.close();
    }

    private void openReceived(OpenMessage open) {
        if (!expect(SessionState.OPEN_SENT)) {
            return;
        }
        Optional<NotificationMessage> refusal = OpenChecks.check(local, open);
        if (refusal.isEmpty()) {
            negotiation = Negotiation.of(local, open);
            refusal = owner.openReceived(this);
        }
        if (refusal.isPresent()) {
            close(refusal.get());
            return;
        }
        constraints.set(negotiation.constraints());
        write(new KeepaliveMessage());
        flush();
        state = SessionState.OPEN_CONFIRM;
        timers.hold(negotiation.holdTime());
        timers.keepalives(negotiation.holdTime());
    }

    private void keepaliveReceived() {
        if (state == SessionState.OPEN_CONFIRM) {
            state = SessionState.ESTABLISHED;
            owner.established(this);
        } else {
            expect(SessionState.ESTABLISHED);
        }
    }

    /** True in {@code wanted}; otherwise closes with the FSM error of RFC 6608 §3 and returns false. */
    private boolean expect(SessionState wanted) {
        if (state == wanted) {
            return true;
        }
        BgpError error = switch (state) {
            case OPEN_SENT -> BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT;
            case OPEN_CONFIRM -> BgpError.FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM;
            case ESTABLISHED -> BgpError.FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED;
            default -> BgpError.FSM_UNSPECIFIED;
        };
        close(error.notification(Octets.EMPTY));
        return false;
    }

    private void sendKeepalive() {
        write(new KeepaliveMessage());
        flush();
    }

    private void holdTimerExpired() {
        LOG.info("{}: hold timer expired in {}", channel(), state);
        close(BgpError.HOLD_TIMER_EXPIRED.notification(Octets.EMPTY));
    }
}
