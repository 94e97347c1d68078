package io.kuberouter.bgp.speaker;

import org.osgi.annotation.versioning.ProviderType;

/** Starts BGP speakers; registered as an OSGi service by the speaker bundle. */
@ProviderType
public interface BgpSpeakerFactory {

    /**
     * Starts a speaker: binds its listen addresses and returns it running, without peers.
     *
     * @throws IllegalStateException if a listen address cannot be bound or the Linux epoll
     *     transport (needed for TCP MD5 and TTL control) is unavailable
     */
    BgpSpeaker start(SpeakerConfig config);
}
