/**
 * BGP-4 speaker API (RFC 4271), the part the router capability and the Web Console import.
 *
 * <p>{@link io.kuberouter.bgp.speaker.BgpSpeakerFactory} starts a {@link
 * io.kuberouter.bgp.speaker.BgpSpeaker} from a {@link io.kuberouter.bgp.speaker.SpeakerConfig}
 * (AS, router id, listen addresses and port, graceful restart). The caller then adds peers
 * ({@link io.kuberouter.bgp.speaker.PeerConfig}), originates local routes, installs a routing
 * policy ({@link io.kuberouter.bgp.speaker.policy}), subscribes to best-path changes and reads
 * peer state, counters and RIBs.
 *
 * <p>Threading: every speaker runs its sessions, timers and RIBs on one event-loop thread. The
 * methods of {@code BgpSpeaker} may be called from any thread, block until the loop has applied
 * them, and never call back into the caller; listeners are called on the loop thread and must not
 * block.
 */
@Version("1.0.0")
package io.kuberouter.bgp.speaker;

import org.osgi.annotation.versioning.Version;
