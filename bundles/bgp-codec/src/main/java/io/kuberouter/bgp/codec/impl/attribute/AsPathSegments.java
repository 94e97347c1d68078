package io.kuberouter.bgp.codec.impl.attribute;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.SegmentType;
import io.kuberouter.bgp.codec.spi.AttributeException;

/**
 * The path segments shared by AS_PATH and AS4_PATH (RFC 4271 §4.3): segment type, segment length
 * in AS numbers, then the AS numbers of 2 or 4 octets. Malformed per RFC 7606 §7.2: unknown
 * segment type, zero-length segment, overrun, a lone trailing octet; and per RFC 7607 §2 an AS
 * number of 0.
 */
final class AsPathSegments {

    private static final int SEGMENT_HEADER = 2;

    private AsPathSegments() {
    }

    static List<AsPathSegment> read(ByteBuf value, int asOctets) throws AttributeException {
        List<AsPathSegment> segments = new ArrayList<>();
        while (value.isReadable()) {
            if (value.readableBytes() < SEGMENT_HEADER) {
                throw malformed("one octet left where a segment header needs two");
            }
            int typeCode = value.readUnsignedByte();
            SegmentType type = SegmentType.fromCode(typeCode)
                    .orElseThrow(() -> malformed("unknown segment type " + typeCode));
            segments.add(new AsPathSegment(type, readAsNumbers(value, value.readUnsignedByte(), asOctets)));
        }
        return segments;
    }

    static void write(List<AsPathSegment> segments, int asOctets, ByteBuf out) {
        for (AsPathSegment segment : segments) {
            out.writeByte(segment.type().code());
            out.writeByte(segment.asNumbers().size());
            segment.asNumbers().forEach(as -> AttributeValues.writeAsNumber(as, asOctets, out));
        }
    }

    private static List<Long> readAsNumbers(ByteBuf value, int count, int asOctets) throws AttributeException {
        if (count == 0) {
            throw malformed("segment of length 0");
        }
        if (count * asOctets > value.readableBytes()) {
            throw malformed("segment of " + count + " AS numbers overruns the attribute");
        }
        List<Long> asNumbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long as = AttributeValues.readAsNumber(value, asOctets);
            if (as == 0) {
                throw malformed("AS number 0 (RFC 7607)");
            }
            asNumbers.add(as);
        }
        return asNumbers;
    }

    private static AttributeException malformed(String message) {
        return AttributeException.malformed(BgpError.MALFORMED_AS_PATH, message);
    }
}
