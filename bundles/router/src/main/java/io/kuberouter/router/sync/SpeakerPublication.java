package io.kuberouter.router.sync;

import io.kuberouter.bgp.speaker.BgpSpeaker;

/**
 * Where the router announces its running BGP speaker, so read-only views (the Web Console's BGP page,
 * {@code kr:bgp}) can show peers and routes. Called on the router's BGP sync thread.
 */
public interface SpeakerPublication {

    /** {@code speaker} runs now (after a restart, it replaces the previous one). */
    void started(BgpSpeaker speaker);

    /** The speaker stopped; none runs until the next {@link #started}. */
    void stopped();
}
