package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Service;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle that works with the service proxy: DSR claims the external frontends of annotated Services
 * for tunnelled delivery; hairpin programs SNAT rules for the local backends of annotated Services. The
 * proxy tracks extensions dynamically: registering or unregistering one makes its next sync rebuild
 * every Service. An extension owns (and removes when it stops) the kernel state it programs itself; the
 * proxy programs what a claimed {@link Delivery} asks for (e.g. the fwmark virtual service with tunnel
 * forwarding) and removes it once the claim goes.
 *
 * <p>Threading: both methods are called on the proxy's sync thread, one call at a time; they must be quick
 * and must not block or call back into the proxy.
 */
@ConsumerType
public interface ServiceProxyExtension {

    /** The extension's name, e.g. {@code dsr} or {@code hairpin}; appears in {@link Delivery#claimedBy()}. */
    String name();

    /**
     * Claims a virtual server for another delivery, or leaves it to the proxy. Called while building, for
     * every virtual server of every Service the proxy programs; must be a pure function of its arguments
     * (plus the extension's configuration) so that repeated builds agree.
     *
     * @return the delivery the extension needs (its {@code claimedBy} set to {@link #name()}), or empty
     */
    Optional<Delivery> claim(Service service, VirtualServer server);

    /**
     * The proxy programmed the kernel: every Service in {@code changed} now is as {@code view} shows it
     * (absent from the view: no longer programmed). After a full sync {@code changed} holds every Service
     * of the view and every Service removed since the previous sync.
     */
    void programmed(ServiceProxyView view, Set<ObjectKey> changed);
}
