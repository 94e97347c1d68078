package io.kuberouter.capabilities.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.capabilities.Feature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stopping or removing a feature touches only the bundles no staying feature names. */
class SharedBundlesTest {

    private static final Feature.BundleRef NETLINK = new Feature.BundleRef("io.kuberouter:kernel.netlink", 3);
    private static final Feature.BundleRef IPVS = new Feature.BundleRef("io.kuberouter:proxy.ipvs", 4);
    private static final Feature.BundleRef DSR = new Feature.BundleRef("io.kuberouter:dsr", 5);
    private static final Feature.BundleRef IPTABLES = new Feature.BundleRef("io.kuberouter:kernel.exec", 3);
    private static final Feature.BundleRef FIREWALL = new Feature.BundleRef("io.kuberouter:firewall", 4);

    private static final Feature PROXY = feature("proxy", NETLINK, IPVS);
    private static final Feature DSR_FEATURE = feature("dsr", NETLINK, IPVS, DSR);
    private static final Feature FIREWALL_FEATURE = feature("firewall", IPTABLES, FIREWALL);

    @Test
    void keepsWhatAStayingFeatureAlsoNames() {
        assertEquals(List.of(DSR), SharedBundles.exclusiveTo(DSR_FEATURE, List.of(PROXY, FIREWALL_FEATURE)));
        assertEquals(List.of(), SharedBundles.exclusiveTo(PROXY, List.of(DSR_FEATURE)));
    }

    @Test
    void takesEverythingWhenNothingStaysInDescendingStartLevelOrder() {
        assertEquals(List.of(DSR, IPVS, NETLINK), SharedBundles.exclusiveTo(DSR_FEATURE, List.of(FIREWALL_FEATURE)));
        assertEquals(List.of(FIREWALL, IPTABLES), SharedBundles.exclusiveTo(FIREWALL_FEATURE, List.of(PROXY)));
    }

    @Test
    void withinALevelTheCapabilityStopsBeforeWhatTheDescriptorListsBeforeIt() {
        Feature.BundleRef api = new Feature.BundleRef("io.kuberouter:kernel.api", 4);
        Feature.BundleRef exec = new Feature.BundleRef("io.kuberouter:kernel.exec", 4);
        Feature.BundleRef firewall = new Feature.BundleRef("io.kuberouter:firewall", 4);
        assertEquals(List.of(firewall, exec, api),
                SharedBundles.exclusiveTo(feature("firewall", api, exec, firewall), List.of()));
    }

    @Test
    void theFeatureItselfAmongTheStayingOnesKeepsNothing() {
        assertEquals(List.of(FIREWALL, IPTABLES),
                SharedBundles.exclusiveTo(FIREWALL_FEATURE, List.of(FIREWALL_FEATURE, PROXY)));
    }

    @Test
    void startsInAscendingStartLevelOrder() {
        assertEquals(List.of(NETLINK, IPVS, DSR), SharedBundles.startOrder(feature("dsr", DSR, IPVS, NETLINK)));
    }

    private static Feature feature(String name, Feature.BundleRef... bundles) {
        return new Feature(name, "", List.of(bundles), Map.of());
    }
}
