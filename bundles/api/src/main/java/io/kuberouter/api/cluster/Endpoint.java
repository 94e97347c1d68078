package io.kuberouter.api.cluster;

import java.util.List;

/**
 * One endpoint of a slice, with its conditions resolved as the API documents them: an unknown
 * {@code ready} counts as ready, an unknown {@code serving} takes the value of {@code ready}, an
 * unknown {@code terminating} counts as not terminating.
 *
 * @param nodeName empty when unset
 * @param pod the target pod, or {@code null} when the endpoint does not reference a pod
 */
public record Endpoint(
        List<String> addresses,
        boolean ready,
        boolean serving,
        boolean terminating,
        String nodeName,
        ObjectKey pod) {

    public Endpoint {
        addresses = List.copyOf(addresses);
        nodeName = nodeName == null ? "" : nodeName;
    }

    /** Resolves nullable API conditions into an endpoint. */
    public static Endpoint of(List<String> addresses, Boolean ready, Boolean serving, Boolean terminating,
            String nodeName, ObjectKey pod) {
        boolean isReady = ready == null || ready;
        boolean isServing = serving == null ? isReady : serving;
        return new Endpoint(addresses, isReady, isServing, terminating != null && terminating, nodeName, pod);
    }
}
