package io.kuberouter.bgp.codec.impl;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.DecodeResult.SessionReset;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.impl.message.KeepaliveMessageHandler;
import io.kuberouter.bgp.codec.impl.message.OpenMessageHandler;
import io.kuberouter.bgp.codec.impl.message.UpdateMessageHandler;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.spi.MessageException;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;
import io.kuberouter.bgp.codec.spi.Registration;

/**
 * Message handlers by type and by model class, and the codec over them: validates the header
 * once (RFC 4271 §6.1) and hands each parser only its body.
 */
final class MessageRegistry implements BgpCodec {

    /** Reason prefix of the session reset reported when a parser failed with an unexpected exception. */
    static final String DECODER_FAILURE = "decoder failure: ";

    private final HandlerRegistry<Integer, MessageParser> parsers = new HandlerRegistry<>("message parser");
    private final HandlerRegistry<Class<?>, TypedSerializer> serializers = new HandlerRegistry<>("message serializer");

    Registration registerParser(int type, MessageParser parser) {
        return parsers.register(type, parser);
    }

    <T extends BgpMessage> Registration registerSerializer(Class<T> messageClass, int type,
            MessageSerializer<T> serializer) {
        MessageSerializer<BgpMessage> checked =
                (message, peer, out) -> serializer.serializeBody(messageClass.cast(message), peer, out);
        return serializers.register(messageClass, new TypedSerializer(type, checked));
    }

    @Override
    public DecodeResult decode(ByteBuf in, PeerConstraints peer) {
        FramedMessage message;
        try {
            message = frame(in, peer);
        } catch (MessageException e) {
            in.skipBytes(in.readableBytes());
            return reset(e);
        }
        return parseBody(message, peer);
    }

    @Override
    public void encode(BgpMessage message, PeerConstraints peer, ByteBuf out) {
        TypedSerializer typed = serializers.require(message.getClass());
        int start = out.writerIndex();
        try {
            MessageHeader.writeStart(out, typed.type());
            typed.serializer().serializeBody(message, peer, out);
            int length = out.writerIndex() - start;
            if (length > maxLength(typed.type(), peer)) {
                throw new IllegalArgumentException(length + "-octet message exceeds " + maxLength(typed.type(), peer));
            }
            out.setShort(start + MessageHeader.LENGTH_OFFSET, length);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private FramedMessage frame(ByteBuf in, PeerConstraints peer) throws MessageException {
        int start = in.readerIndex();
        int available = in.readableBytes();
        if (available < MessageHeader.LENGTH) {
            throw MessageException.badLength(available, "only " + available + " octets, a header needs 19");
        }
        if (!MessageHeader.hasValidMarker(in, start)) {
            throw new MessageException(BgpError.CONNECTION_NOT_SYNCHRONIZED, "marker is not all ones");
        }
        int length = in.getUnsignedShort(start + MessageHeader.LENGTH_OFFSET);
        int type = in.getUnsignedByte(start + MessageHeader.TYPE_OFFSET);
        if (length < MessageHeader.LENGTH || length > maxLength(type, peer) || length > available) {
            throw MessageException.badLength(length, "length " + length + " of type " + type + " with "
                    + available + " octets available, at most " + maxLength(type, peer) + " allowed");
        }
        MessageParser parser = parsers.get(type).orElseThrow(() -> new MessageException(BgpError.BAD_MESSAGE_TYPE,
                Octets.of((byte) type), "unknown message type " + type));
        ByteBuf body = in.slice(start + MessageHeader.LENGTH, length - MessageHeader.LENGTH);
        in.skipBytes(length);
        return new FramedMessage(type, length, parser, body);
    }

    private static DecodeResult parseBody(FramedMessage message, PeerConstraints peer) {
        try {
            return message.parser().parse(message.body(), peer);
        } catch (MessageException e) {
            return reset(e);
        } catch (IndexOutOfBoundsException e) {
            return reset(MessageException.badLength(message.length(), "message ends early: " + e.getMessage()));
        } catch (RuntimeException e) {
            // errors are data: a failing (extension) parser must not escape into the pipeline
            return new SessionReset(unspecific(message.type()).notification(Octets.EMPTY), DECODER_FAILURE + e);
        }
    }

    /** RFC 8654 §4: OPEN and KEEPALIVE stay within 4096 octets even with extended messages. */
    private static int maxLength(int type, PeerConstraints peer) {
        boolean alwaysShort = type == OpenMessageHandler.TYPE || type == KeepaliveMessageHandler.TYPE;
        return alwaysShort ? PeerConstraints.MAX_MESSAGE_LENGTH : peer.maxMessageLength();
    }

    private static BgpError unspecific(int type) {
        return switch (type) {
            case OpenMessageHandler.TYPE -> BgpError.OPEN_UNSPECIFIC;
            case UpdateMessageHandler.TYPE -> BgpError.UPDATE_UNSPECIFIC;
            default -> BgpError.MESSAGE_HEADER_UNSPECIFIC;
        };
    }

    private static SessionReset reset(MessageException e) {
        return new SessionReset(e.error().notification(e.data()), e.getMessage());
    }

    private record FramedMessage(int type, int length, MessageParser parser, ByteBuf body) {
    }

    private record TypedSerializer(int type, MessageSerializer<BgpMessage> serializer) {
    }
}
