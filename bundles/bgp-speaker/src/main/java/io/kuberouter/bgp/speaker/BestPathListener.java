package io.kuberouter.bgp.speaker;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives Loc-RIB changes (RFC 4271 §9.1.2: the result of best-path selection), implemented by
 * the router capability to program the kernel and by the Web Console.
 *
 * <p>Called on the speaker's loop thread, in order, with every change once; implementations must
 * return quickly and must not call the speaker synchronously from the callback.
 */
@ConsumerType
@FunctionalInterface
public interface BestPathListener {

    /** One batch of changes: those of one round of received messages, split into batches of a few thousand. */
    void bestPathsChanged(List<BestPathChange> changes);
}
