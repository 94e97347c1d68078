package io.kuberouter.bgp.speaker.impl.peer;

import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.impl.export.ExportRules;
import io.kuberouter.bgp.speaker.impl.rib.Ribs;
import io.kuberouter.bgp.speaker.impl.transport.Transport;

/** What a peer uses of its speaker; all on the speaker's loop. */
public interface PeerServices {

    SpeakerConfig speaker();

    Transport transport();

    BgpCodec codec();

    Ribs ribs();

    UpdateProcessor updates();

    ExportRules exportRules();

    /** True while the speaker defers selection after a restart (RFC 4724 §4.1). */
    boolean restarting();

    /** A peer's End-of-RIB arrived; the deferral may be over. */
    void endOfRibReceived();

    /** The RIBs changed: changes are to be handed on once the current work is done. */
    void ribChanged();
}
