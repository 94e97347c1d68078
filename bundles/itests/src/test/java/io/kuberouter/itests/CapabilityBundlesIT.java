package io.kuberouter.itests;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.Links;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The capability features' bundles resolve and start in the assembled runtime, and the kernel
 * services come up inside OSGi (JNA's native library included), without any capability
 * configuration, so nothing programs the host's kernel.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CapabilityBundlesIT {

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private Links links;

    @Configuration
    public Option[] configuration() throws Exception {
        MockApi api = MockApi.start();
        List<Option> capabilityBundles = AgentOptions.bundlesOf("proxy", "firewall", "dsr", "hairpin");
        return AgentOptions.agent(capabilityBundles, "--master=" + api.url(), "--hostname-override=n1",
                "--health-port=0");
    }

    @Test
    public void everyCapabilityBundleIsActive() {
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            assertTrue(b.getSymbolicName() + " is in state " + b.getState(), fragment || b.getState() == Bundle.ACTIVE);
        }
    }

    @Test
    public void theCapabilitiesWaitForTheirConfiguration() {
        for (String name : List.of("io.kuberouter.proxy.ipvs", "io.kuberouter.proxy.nft", "io.kuberouter.firewall",
                "io.kuberouter.dsr", "io.kuberouter.hairpin")) {
            Bundle bundle = java.util.Arrays.stream(context.getBundles())
                    .filter(b -> name.equals(b.getSymbolicName())).findFirst().orElseThrow();
            for (ComponentDescriptionDTO component : scr.getComponentDescriptionDTOs(bundle)) {
                if ("require".equals(component.configurationPolicy)) {
                    assertTrue(component.name + " has a configuration",
                            scr.getComponentConfigurationDTOs(component).isEmpty());
                }
            }
        }
    }

    @Test
    public void netlinkWorksInsideTheFramework() throws Exception {
        List<Link> all = links.list();
        assertNotNull(all);
        assertTrue("the loopback link is listed", all.stream().anyMatch(l -> "lo".equals(l.name())));
    }
}
