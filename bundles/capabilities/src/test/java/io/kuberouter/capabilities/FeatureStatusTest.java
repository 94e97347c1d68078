package io.kuberouter.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class FeatureStatusTest {

    private static final Feature.BundleRef LIB = new Feature.BundleRef("g:lib", 3);
    private static final Feature.BundleRef FRAGMENT = new Feature.BundleRef("g:fragment", 3);
    private static final Feature.BundleRef CAPABILITY = new Feature.BundleRef("g:capability", 4);
    private static final Feature FEATURE = new Feature("dsr", "", List.of(LIB, FRAGMENT, CAPABILITY), Map.of());

    @Test
    void theStateFollowsTheNonFragmentBundles() {
        FeatureStatus.Member fragment = new FeatureStatus.Member(FRAGMENT, 11, Bundle.RESOLVED, true);
        assertEquals(FeatureStatus.State.RUNNING, status(active(LIB, 10), fragment, active(CAPABILITY, 12)).state());
        assertEquals(FeatureStatus.State.PARTLY_RUNNING,
                status(active(LIB, 10), fragment, resolved(CAPABILITY, 12)).state());
        assertEquals(FeatureStatus.State.STOPPED, status(resolved(LIB, 10), fragment, resolved(CAPABILITY, 12)).state());
        FeatureStatus missing = status(active(LIB, 10), fragment, FeatureStatus.Member.absent(CAPABILITY));
        assertEquals(FeatureStatus.State.NOT_INSTALLED, missing.state());
        assertFalse(missing.installed());
        assertTrue(missing.bundles().get(0).installed());
    }

    @Test
    void membersNameTheirState() {
        assertEquals("ACTIVE", active(LIB, 1).stateName());
        assertEquals("fragment, RESOLVED", new FeatureStatus.Member(FRAGMENT, 2, Bundle.RESOLVED, true).stateName());
        assertEquals("not installed", FeatureStatus.Member.absent(LIB).stateName());
        assertEquals("by the node's annotation", FeatureStatus.Enablement.NODE.toString());
        assertEquals("partly running", FeatureStatus.State.PARTLY_RUNNING.toString());
    }

    private static FeatureStatus status(FeatureStatus.Member... members) {
        return new FeatureStatus(FEATURE, FeatureStatus.Enablement.NODE, List.of(members), true);
    }

    private static FeatureStatus.Member active(Feature.BundleRef ref, long id) {
        return new FeatureStatus.Member(ref, id, Bundle.ACTIVE, false);
    }

    private static FeatureStatus.Member resolved(Feature.BundleRef ref, long id) {
        return new FeatureStatus.Member(ref, id, Bundle.RESOLVED, false);
    }
}
