package io.kuberouter.capabilities;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Why a capability's component is being deactivated, judged from the framework (OSGi Core R8 §4.4.6, §4.4.9,
 * §9.3.1): the rule that decides whether a capability removes the kernel state it owns.
 * <ul>
 * <li>{@link #FINAL}: its bundle was stopped for good, by an operator, the feature manager or before an
 * uninstall ({@code Bundle.stop()} clears the bundle's persistent autostart setting before the bundle stops).
 * The node loses the capability, so the capability removes exactly what it owns.</li>
 * <li>{@link #PASSING}: the agent is shutting down (the system bundle is stopping), or the bundle stops only
 * to come back: a bundle update, a refresh, a start-level change or a missing mandatory reference (the
 * autostart setting stays). The kernel state stays for the next activation to adopt, so established
 * connections and isolated pods stay as they were.</li>
 * </ul>
 * Call {@link #of} in the component's {@code @Deactivate} method, before removing anything.
 */
public enum CapabilityStop {
    FINAL,
    PASSING;

    /** The kind of stop under way for the component of {@code context}'s bundle. */
    public static CapabilityStop of(BundleContext context) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        if (system.getState() == Bundle.STOPPING) {
            return PASSING;
        }
        BundleStartLevel startLevel = context.getBundle().adapt(BundleStartLevel.class);
        return startLevel != null && startLevel.isPersistentlyStarted() ? PASSING : FINAL;
    }

    /** Whether the capability must remove the kernel state it owns now. */
    public boolean removesState() {
        return this == FINAL;
    }
}
