package io.kuberouter.bgp.speaker.impl.export;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.speaker.impl.rib.NextHops;

/**
 * Packs prefixes into as few UPDATEs as the session's message size allows (RFC 4271 §4.3; 4096
 * octets, or 65535 with RFC 8654): IPv4 in the Withdrawn Routes and NLRI fields, other families
 * in MP_UNREACH_NLRI / MP_REACH_NLRI (RFC 4760). The size of the attributes is measured by
 * encoding the message once without prefixes.
 */
final class UpdatePacker {

    /** Room kept for an attribute length growing from one to two octets (Extended Length). */
    private static final int LENGTH_SLACK = 2;

    private final BgpCodec codec;
    private final PeerConstraints constraints;
    private final ByteBuf scratch = Unpooled.buffer(4096);

    UpdatePacker(BgpCodec codec, PeerConstraints constraints) {
        this.codec = codec;
        this.constraints = constraints;
    }

    List<UpdateMessage> withdrawals(AddressFamily family, List<IpPrefix> prefixes) {
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            return pack(prefixes, chunk -> new UpdateMessage(chunk, List.of(), List.of()));
        }
        return pack(prefixes, chunk -> new UpdateMessage(List.of(), List.of(new MpUnreachNlri(family, chunk)), List.of()));
    }

    List<UpdateMessage> announcements(AddressFamily family, List<PathAttribute> attributes, byte[] nextHop,
            List<IpPrefix> prefixes) {
        List<PathAttribute> withNextHop = new ArrayList<>(attributes);
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            withNextHop.add(new NextHop((Inet4Address) NextHops.address(nextHop)));
            return pack(prefixes, chunk -> new UpdateMessage(List.of(), withNextHop, chunk));
        }
        return pack(prefixes, chunk -> {
            List<PathAttribute> all = new ArrayList<>(attributes);
            all.add(new MpReachNlri(family, NextHops.addresses(nextHop), chunk));
            return new UpdateMessage(List.of(), all, List.of());
        });
    }

    private List<UpdateMessage> pack(List<IpPrefix> prefixes, Function<List<IpPrefix>, UpdateMessage> message) {
        if (prefixes.isEmpty()) {
            return List.of();
        }
        int budget = constraints.maxMessageLength() - encodedLength(message.apply(List.of())) - LENGTH_SLACK;
        List<UpdateMessage> messages = new ArrayList<>();
        List<IpPrefix> chunk = new ArrayList<>();
        int used = 0;
        for (IpPrefix prefix : prefixes) {
            int size = 1 + (prefix.length() + 7) / 8;
            if (used + size > budget && !chunk.isEmpty()) {
                messages.add(message.apply(chunk));
                chunk = new ArrayList<>();
                used = 0;
            }
            chunk.add(prefix);
            used += size;
        }
        if (!chunk.isEmpty()) {
            messages.add(message.apply(chunk));
        }
        return messages;
    }

    private int encodedLength(UpdateMessage message) {
        scratch.clear();
        codec.encode(message, constraints, scratch);
        return scratch.readableBytes();
    }
}
