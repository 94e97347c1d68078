package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import java.util.List;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * One feature as it stands on this node: its descriptor, the installed bundle behind each of its
 * bundle references (absent when not installed), and the {@link Capability} services registered
 * under its name.
 */
record FeatureState(FeatureDescriptor descriptor, List<Member> bundles, List<Capability> capabilities) {

    FeatureState {
        bundles = List.copyOf(bundles);
        capabilities = List.copyOf(capabilities);
    }

    /** What an operator reads in the status column. */
    enum Status {
        RUNNING("running"), PARTLY_RUNNING("partly running"), STOPPED("stopped"), NOT_INSTALLED("not installed");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A bundle of the feature.
     *
     * @param bundle the installed bundle, or {@code null} when this node does not have it
     */
    record Member(FeatureDescriptor.BundleRef ref, Bundle bundle) {

        Member {
            Objects.requireNonNull(ref, "ref");
        }

        boolean installed() {
            return bundle != null;
        }

        /** Fragments are never started; they are up when their host resolves. */
        boolean fragment() {
            return installed() && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        }

        boolean active() {
            return installed() && bundle.getState() == Bundle.ACTIVE;
        }

        String stateName() {
            if (!installed()) {
                return "not installed";
            }
            String state = switch (bundle.getState()) {
                case Bundle.INSTALLED -> "INSTALLED";
                case Bundle.RESOLVED -> "RESOLVED";
                case Bundle.STARTING -> "STARTING";
                case Bundle.STOPPING -> "STOPPING";
                case Bundle.ACTIVE -> "ACTIVE";
                default -> "UNINSTALLED";
            };
            return fragment() ? "fragment, " + state : state;
        }
    }

    String name() {
        return descriptor.name();
    }

    /** Enabled on this node: every bundle the descriptor names is installed. */
    boolean enabled() {
        return bundles.stream().allMatch(Member::installed);
    }

    boolean contains(Bundle bundle) {
        return bundles.stream().anyMatch(m -> m.bundle() != null && m.bundle().getBundleId() == bundle.getBundleId());
    }

    Status status() {
        if (!enabled()) {
            return Status.NOT_INSTALLED;
        }
        List<Member> startable = bundles.stream().filter(m -> !m.fragment()).toList();
        long active = startable.stream().filter(Member::active).count();
        if (active == startable.size()) {
            return Status.RUNNING;
        }
        return active == 0 ? Status.STOPPED : Status.PARTLY_RUNNING;
    }
}
