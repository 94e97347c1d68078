package io.kuberouter.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

class CapabilityStopTest {

    @Test
    void anExplicitStopIsFinal() {
        assertEquals(CapabilityStop.FINAL, CapabilityStop.of(context(Bundle.ACTIVE, false)));
        assertEquals(true, CapabilityStop.FINAL.removesState());
    }

    @Test
    void anUpdateOrRefreshKeepsTheAutostartSettingAndPasses() {
        assertEquals(CapabilityStop.PASSING, CapabilityStop.of(context(Bundle.ACTIVE, true)));
        assertEquals(false, CapabilityStop.PASSING.removesState());
    }

    @Test
    void anAgentShutdownPassesWhateverTheAutostartSetting() {
        assertEquals(CapabilityStop.PASSING, CapabilityStop.of(context(Bundle.STOPPING, false)));
    }

    private static BundleContext context(int systemState, boolean persistentlyStarted) {
        Bundle system = fake(Bundle.class, "getState", systemState);
        BundleStartLevel startLevel = fake(BundleStartLevel.class, "isPersistentlyStarted", persistentlyStarted);
        Bundle own = fake(Bundle.class, "adapt", startLevel);
        return (BundleContext) Proxy.newProxyInstance(CapabilityStopTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> args != null && (long) args[0] == Constants.SYSTEM_BUNDLE_ID ? system : own;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static <T> T fake(Class<T> type, String methodName, Object answer) {
        return type.cast(Proxy.newProxyInstance(CapabilityStopTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals(methodName)) {
                        return answer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
