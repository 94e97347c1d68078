package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BundleLocationsTest {

    private static final FeatureDescriptor.BundleRef ASM = new FeatureDescriptor.BundleRef("org.ow2.asm", "asm", 1);

    @Test
    void theLaunchersDistributionJarNamesItsArtifact() {
        assertTrue(BundleLocations.names("file:/opt/kube-router/bundle/asm-9.11.1.jar", ASM));
        assertFalse(BundleLocations.names("file:/opt/kube-router/bundle/asm-util-9.11.1.jar", ASM));
        assertFalse(BundleLocations.names("file:/opt/kube-router/bundle/notasm-9.11.1.jar", ASM));
    }

    @Test
    void paxExamLocationsNameTheirArtifact() {
        assertTrue(BundleLocations.names("mvn:org.ow2.asm/asm/9.11.1", ASM));
        assertTrue(BundleLocations.names("file:/work/bundles/itests/target/bundles/asm.jar", ASM));
        assertFalse(BundleLocations.names("mvn:org.ow2.asm/asm-util/9.11.1", ASM));
        assertFalse(BundleLocations.names("mvn:other.group/asm/9.11.1", ASM));
    }

    @Test
    void aDropInIsNoFeaturesBundle() {
        assertFalse(BundleLocations.names("file:/opt/kube-router/load/my-extension.jar", ASM));
    }
}
