package io.kuberouter.bgp.speaker.impl;

import org.osgi.service.component.annotations.Component;

import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.spi.ExtensionRegistry;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.BgpSpeakerFactory;
import io.kuberouter.bgp.speaker.SpeakerConfig;

/**
 * The {@link BgpSpeakerFactory} service; also usable without OSGi. Speakers share one codec
 * registry with the built-in messages, attributes and families.
 */
@Component(service = BgpSpeakerFactory.class)
public final class NettySpeakerFactory implements BgpSpeakerFactory {

    private final ExtensionRegistry registry = BgpCodecs.standardRegistry();

    @Override
    public BgpSpeaker start(SpeakerConfig config) {
        return NettySpeaker.start(config, registry);
    }
}
