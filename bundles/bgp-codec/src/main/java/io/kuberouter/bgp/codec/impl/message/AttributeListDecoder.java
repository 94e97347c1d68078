package io.kuberouter.bgp.codec.impl.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.AttributeError;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.impl.attribute.MpReachNlriHandler;
import io.kuberouter.bgp.codec.impl.attribute.MpUnreachNlriHandler;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UnknownAttribute;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeRegistry;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;
import io.kuberouter.bgp.codec.spi.MessageException;

/**
 * Decodes the Path Attributes field with the revised error handling of RFC 7606 §3: attribute
 * flags checked against the definition (c), repeated attributes discarded except MP_REACH_NLRI /
 * MP_UNREACH_NLRI (g), each malformed attribute handled by its own approach, unrecognised
 * well-known attributes resetting the session (RFC 4271 §6.3), unrecognised optional transitive
 * ones kept and optional non-transitive ones ignored (RFC 4271 §5).
 */
final class AttributeListDecoder {

    private final AttributeRegistry registry;

    AttributeListDecoder(AttributeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Decodes all attributes of {@code in}, recording non-fatal errors in {@code errors}.
     *
     * @throws MessageException when an error requires a session reset
     */
    List<PathAttribute> decode(ByteBuf in, PeerConstraints peer, UpdateErrors errors) throws MessageException {
        List<PathAttribute> attributes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (in.isReadable()) {
            Optional<RawAttribute> next = RawAttribute.read(in, errors);
            if (next.isEmpty()) {
                break;
            }
            RawAttribute raw = next.get();
            if (seen.add(raw.typeCode())) {
                decodeFirst(raw, peer, errors).ifPresent(attributes::add);
            } else {
                discardRepeated(raw, errors);
            }
        }
        return attributes;
    }

    private Optional<PathAttribute> decodeFirst(RawAttribute raw, PeerConstraints peer, UpdateErrors errors)
            throws MessageException {
        Optional<AttributeParser> parser = registry.parser(raw.typeCode());
        if (parser.isEmpty()) {
            return unrecognized(raw);
        }
        try {
            return Optional.of(parse(raw, parser.get(), peer));
        } catch (AttributeException e) {
            ErrorHandlingApproach approach = e.approach().orElse(parser.get().malformedApproach());
            if (approach == ErrorHandlingApproach.SESSION_RESET) {
                throw new MessageException(e.error(), raw.bytes(), e.getMessage());
            }
            errors.add(approach, new AttributeError(raw.typeCode(), e.error(), e.getMessage()));
            return Optional.empty();
        }
    }

    private static PathAttribute parse(RawAttribute raw, AttributeParser parser, PeerConstraints peer)
            throws AttributeException {
        int category = raw.flags() & AttributeFlags.CATEGORY;
        if (category != parser.flags()) {
            throw AttributeException.malformed(BgpError.ATTRIBUTE_FLAGS_ERROR, "attribute " + raw.typeCode()
                    + " flags 0x" + Integer.toHexString(raw.flags()) + " conflict with its definition");
        }
        try {
            PathAttribute attribute = parser.parse(raw.value(), peer);
            if (raw.value().isReadable()) {
                throw AttributeException.malformed(BgpError.ATTRIBUTE_LENGTH_ERROR,
                        "attribute " + raw.typeCode() + " has " + raw.value().readableBytes() + " octets too many");
            }
            return attribute;
        } catch (IndexOutOfBoundsException e) {
            throw AttributeException.malformed(BgpError.ATTRIBUTE_LENGTH_ERROR,
                    "attribute " + raw.typeCode() + " too short");
        }
    }

    private static Optional<PathAttribute> unrecognized(RawAttribute raw) throws MessageException {
        int flags = raw.flags();
        if ((flags & AttributeFlags.OPTIONAL) == 0) {
            throw new MessageException(BgpError.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, raw.bytes(),
                    "unrecognized well-known attribute " + raw.typeCode());
        }
        if ((flags & AttributeFlags.TRANSITIVE) == 0) {
            return Optional.empty();
        }
        return Optional.of(new UnknownAttribute(flags & UnknownAttribute.KEPT_FLAGS, raw.typeCode(), raw.valueBytes()));
    }

    private static void discardRepeated(RawAttribute raw, UpdateErrors errors) throws MessageException {
        if (raw.typeCode() == MpReachNlriHandler.TYPE || raw.typeCode() == MpUnreachNlriHandler.TYPE) {
            throw new MessageException(BgpError.MALFORMED_ATTRIBUTE_LIST, "repeated attribute " + raw.typeCode());
        }
        errors.add(ErrorHandlingApproach.ATTRIBUTE_DISCARD,
                new AttributeError(raw.typeCode(), BgpError.MALFORMED_ATTRIBUTE_LIST, "repeated attribute discarded"));
    }
}
