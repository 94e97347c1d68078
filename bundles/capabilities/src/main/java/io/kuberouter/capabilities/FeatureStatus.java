package io.kuberouter.capabilities;

import java.util.List;
import java.util.Objects;
import org.osgi.framework.Bundle;

/**
 * One feature of the distribution as it stands on this node at one instant: why it is enabled, the
 * installed bundle behind each of its bundle references, and whether the console and the shell may
 * stop it. A value: it does not follow later changes.
 *
 * @param bundles one member per bundle reference of the descriptor, in descriptor order
 * @param stoppable false for {@code core} and for a feature hosting a user of the {@link FeatureManager}
 */
public record FeatureStatus(Feature feature, Enablement enablement, List<Member> bundles, boolean stoppable) {

    public FeatureStatus {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(enablement, "enablement");
        bundles = List.copyOf(bundles);
    }

    /** Why a feature should run on this node; the first that applies, in this order. */
    public enum Enablement {
        /** The launcher's flags ask for it (always {@code core} and {@code metrics}). */
        FLAGS("by flags"),
        /** The Node's {@value FeatureManager#NODE_ANNOTATION} annotation lists it. */
        NODE("by the node's annotation"),
        /** An operator started it from the Web Console or the shell. */
        OPERATOR("by an operator"),
        /** Nothing asks for it; it runs only where a desired feature shares its bundles. */
        NONE("not enabled");

        private final String text;

        Enablement(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** How far the feature's bundles run. */
    public enum State {
        RUNNING("running"), PARTLY_RUNNING("partly running"), STOPPED("stopped"), NOT_INSTALLED("not installed");

        private final String text;

        State(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A bundle of the feature on this node.
     *
     * @param bundleId the installed bundle's id, or {@link #ABSENT} when this node does not have it
     * @param bundleState the installed bundle's OSGi state ({@link Bundle#ACTIVE}, ...)
     * @param fragment whether the installed bundle is a fragment, which is never started
     */
    public record Member(Feature.BundleRef ref, long bundleId, int bundleState, boolean fragment) {

        /** The {@link #bundleId} of a bundle that is not installed. */
        public static final long ABSENT = -1;

        public Member {
            Objects.requireNonNull(ref, "ref");
        }

        /** A bundle this node does not have. */
        public static Member absent(Feature.BundleRef ref) {
            return new Member(ref, ABSENT, 0, false);
        }

        public boolean installed() {
            return bundleId != ABSENT;
        }

        public boolean active() {
            return installed() && bundleState == Bundle.ACTIVE;
        }

        /** E.g. {@code ACTIVE}, {@code fragment, RESOLVED}, {@code not installed}. */
        public String stateName() {
            if (!installed()) {
                return "not installed";
            }
            String state = switch (bundleState) {
                case Bundle.INSTALLED -> "INSTALLED";
                case Bundle.RESOLVED -> "RESOLVED";
                case Bundle.STARTING -> "STARTING";
                case Bundle.STOPPING -> "STOPPING";
                case Bundle.ACTIVE -> "ACTIVE";
                default -> "UNINSTALLED";
            };
            return fragment ? "fragment, " + state : state;
        }
    }

    public String name() {
        return feature.name();
    }

    /** Every bundle the descriptor names is installed. */
    public boolean installed() {
        return bundles.stream().allMatch(Member::installed);
    }

    /** Running when every non-fragment bundle is active, stopped when none is. */
    public State state() {
        if (!installed()) {
            return State.NOT_INSTALLED;
        }
        List<Member> startable = bundles.stream().filter(m -> !m.fragment()).toList();
        long active = startable.stream().filter(Member::active).count();
        if (active == startable.size()) {
            return State.RUNNING;
        }
        return active == 0 ? State.STOPPED : State.PARTLY_RUNNING;
    }
}
