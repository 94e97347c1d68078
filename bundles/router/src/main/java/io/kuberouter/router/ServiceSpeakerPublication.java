package io.kuberouter.router;

import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.router.sync.SpeakerPublication;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Registers the running speaker as a {@link BgpSpeaker} service while it runs. */
final class ServiceSpeakerPublication implements SpeakerPublication {

    private final BundleContext context;
    private ServiceRegistration<BgpSpeaker> registration;

    ServiceSpeakerPublication(BundleContext context) {
        this.context = context;
    }

    @Override
    public synchronized void started(BgpSpeaker speaker) {
        stopped();
        registration = context.registerService(BgpSpeaker.class, speaker, null);
    }

    @Override
    public synchronized void stopped() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping: the framework unregistered it already
            }
            registration = null;
        }
    }
}
