package io.kuberouter.bgp.codec.impl.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.kuberouter.bgp.codec.model.Aggregator;
import io.kuberouter.bgp.codec.model.As4Aggregator;
import io.kuberouter.bgp.codec.model.As4Path;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.SegmentType;

/**
 * Reconstructs the 4-octet AS path and aggregator of an UPDATE received over a session without
 * 4-octet AS support (RFC 6793 §4.2.3). AS4_PATH and AS4_AGGREGATOR are consumed: the result
 * carries only AS_PATH and AGGREGATOR.
 */
final class As4PathMerger {

    private As4PathMerger() {
    }

    static List<PathAttribute> merge(List<PathAttribute> attributes) {
        Optional<Aggregator> aggregator = find(attributes, Aggregator.class);
        Optional<As4Aggregator> as4Aggregator = find(attributes, As4Aggregator.class);
        boolean aggregatorIsTrans = aggregator.map(a -> a.asNumber() == FourOctetAsCapability.AS_TRANS).orElse(false);
        // AGGREGATOR and AS4_AGGREGATOR both received, AGGREGATOR not AS_TRANS: an OLD speaker aggregated
        // after the last NEW one, so AS4_AGGREGATOR and AS4_PATH are stale and both ignored
        boolean stale = aggregator.isPresent() && as4Aggregator.isPresent() && !aggregatorIsTrans;
        Optional<As4Path> as4Path = find(attributes, As4Path.class).filter(path -> !stale);
        List<PathAttribute> merged = new ArrayList<>(attributes.size());
        for (PathAttribute attribute : attributes) {
            if (attribute instanceof AsPath asPath) {
                merged.add(as4Path.map(path -> mergePaths(asPath, path)).orElse(asPath));
            } else if (attribute instanceof Aggregator && aggregatorIsTrans && as4Aggregator.isPresent()) {
                merged.add(new Aggregator(as4Aggregator.get().asNumber(), as4Aggregator.get().address()));
            } else if (!(attribute instanceof As4Path || attribute instanceof As4Aggregator)) {
                merged.add(attribute);
            }
        }
        return merged;
    }

    /**
     * Takes as many leading AS numbers of AS_PATH as AS4_PATH is shorter, then AS4_PATH; ignores
     * AS4_PATH when it is longer than AS_PATH. Confederation segments leading or adjacent to the
     * taken part are kept.
     */
    static AsPath mergePaths(AsPath asPath, As4Path as4Path) {
        int as4Length = as4Path.segments().stream().mapToInt(AsPathSegment::pathLength).sum();
        int missing = asPath.pathLength() - as4Length;
        if (missing < 0) {
            return asPath;
        }
        List<AsPathSegment> merged = leadingSegments(asPath.segments(), missing);
        as4Path.segments().forEach(segment -> appendJoiningSequences(merged, segment));
        return new AsPath(merged);
    }

    private static List<AsPathSegment> leadingSegments(List<AsPathSegment> segments, int count) {
        List<AsPathSegment> leading = new ArrayList<>();
        int missing = count;
        for (AsPathSegment segment : segments) {
            if (segment.type().isConfederation()) {
                leading.add(segment);
            } else if (missing == 0) {
                break;
            } else if (segment.type() == SegmentType.AS_SET) {
                leading.add(segment);
                missing--;
            } else {
                int taken = Math.min(missing, segment.asNumbers().size());
                leading.add(new AsPathSegment(segment.type(), segment.asNumbers().subList(0, taken)));
                missing -= taken;
            }
        }
        return leading;
    }

    private static void appendJoiningSequences(List<AsPathSegment> segments, AsPathSegment next) {
        int last = segments.size() - 1;
        boolean bothSequences = last >= 0 && segments.get(last).type() == SegmentType.AS_SEQUENCE
                && next.type() == SegmentType.AS_SEQUENCE;
        boolean fits = bothSequences
                && segments.get(last).asNumbers().size() + next.asNumbers().size() <= AsPathSegment.MAX_LENGTH;
        if (fits) {
            List<Long> joined = new ArrayList<>(segments.get(last).asNumbers());
            joined.addAll(next.asNumbers());
            segments.set(last, new AsPathSegment(SegmentType.AS_SEQUENCE, joined));
        } else {
            segments.add(next);
        }
    }

    private static <T extends PathAttribute> Optional<T> find(List<PathAttribute> attributes, Class<T> type) {
        return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
