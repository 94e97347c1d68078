package io.kuberouter.bgp.speaker.policy;

/**
 * Prepends {@code asn} {@code repeat} times to AS_PATH (kube-router's {@code path-prepend.as} and
 * {@code path-prepend.repeat-n} annotations).
 *
 * @param asn the AS number to prepend
 * @param repeat how often, 1..255
 */
public record AsPathPrepend(long asn, int repeat) {

    public AsPathPrepend {
        if (asn <= 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS number out of range: " + asn);
        }
        if (repeat < 1 || repeat > 255) {
            throw new IllegalArgumentException("repeat must be 1..255: " + repeat);
        }
    }
}
