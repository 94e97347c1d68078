package io.kuberouter.webconsole;

import java.time.Instant;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code kr:bgp [ADDRESS|PREFIX]}: the BGP page as text (peers, and the Loc-RIB, all of it or the best paths that
 * cover or lie within the argument). The speaker is an optional dynamic reference, as on {@link BgpPage}.
 */
@Component(service = BgpCommands.class, property = {
        "osgi.command.scope=kr",
        "osgi.command.function=bgp"})
public class BgpCommands {

    private final BundleContext context;

    @Reference(service = io.kuberouter.bgp.speaker.BgpSpeaker.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceReference<?> speaker;

    @Activate
    public BgpCommands(BundleContext context) {
        this.context = context;
    }

    public String bgp() {
        return bgp("");
    }

    public String bgp(String query) {
        return BgpText.render(SpeakerReader.read(context, speaker, query, Instant.now()));
    }
}
