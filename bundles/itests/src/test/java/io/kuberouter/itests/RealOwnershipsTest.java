package io.kuberouter.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.OwnerLifecycle;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The ownerships every capability bundle declares (its private {@code OWNERSHIP} constant, read here because
 * capability bundles export nothing) register together with one {@code CapabilityOwners}, as on a node running
 * them all, without a refusal: no two claim the same chain or ipset prefix, link, route protocol or table, fwmark
 * or virtual server range. The two proxy backends both register as {@code proxy}, one at a time on a node.
 */
public class RealOwnershipsTest {

    private static final Map<String, String> OWNERSHIPS = new LinkedHashMap<>();

    static {
        OWNERSHIPS.put("io.kuberouter.proxy.ipvs.ProxyOwnership", "proxy");
        OWNERSHIPS.put("io.kuberouter.dsr.DsrOwnership", "dsr");
        OWNERSHIPS.put("io.kuberouter.hairpin.HairpinOwnership", "hairpin");
        OWNERSHIPS.put("io.kuberouter.firewall.FirewallOwnership", "firewall");
        OWNERSHIPS.put("io.kuberouter.router.RouterOwnership", "router");
    }

    @Test
    public void everyCapabilityRegistersWithTheOthersRunning() throws Exception {
        for (String nftOrIpvs : List.of("io.kuberouter.proxy.ipvs.ProxyOwnership",
                "io.kuberouter.proxy.nft.NftProxyComponent")) {
            CapabilityOwners owners = newOwners();
            for (Map.Entry<String, String> e : OWNERSHIPS.entrySet()) {
                String type = e.getValue().equals("proxy") ? nftOrIpvs : e.getKey();
                OwnerLifecycle owner = new OwnerLifecycle(e.getValue(), ownership(type));
                owner.bind(owners);
                owner.initialSyncDone();
                assertTrue(e.getValue() + " (" + type + ") was refused: see the log", owner.mayPrune());
            }
            assertEquals(List.of(), List.copyOf(owners.pending()));
        }
    }

    private static KernelOwnership ownership(String type) throws ReflectiveOperationException {
        Field field = Class.forName(type).getDeclaredField("OWNERSHIP");
        field.setAccessible(true);
        return (KernelOwnership) field.get(null);
    }

    /** The capabilities bundle's own implementation, as its DS components wire it (private package). */
    private static CapabilityOwners newOwners() throws ReflectiveOperationException {
        Class<?> registry = Class.forName("io.kuberouter.capabilities.manager.OwnerRegistry");
        Class<?> component = Class.forName("io.kuberouter.capabilities.manager.CapabilityOwnersComponent");
        return (CapabilityOwners) component.getConstructor(registry).newInstance(registry.getConstructor()
                .newInstance());
    }
}
