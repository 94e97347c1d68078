package io.kuberouter.launcher;

import io.kuberouter.launcher.flags.Options;
import io.kuberouter.launcher.runtime.AgentRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --cleanup-config}: removes the kernel state of every capability this distribution ships, and nothing else,
 * then exits. Upstream runs the cleanup of each controller (§7 of the behaviour inventory); here each capability
 * removes what its {@code KernelOwnership} declares, by the same code that runs when its bundle is stopped on a live
 * node, so the two can never disagree.
 *
 * <p>How: the framework starts with {@link LaunchPlan#forCleanup} (every capability feature, no cluster access, so
 * none syncs), waits for each capability's {@code Capability} service, then stops the bundle of each in
 * {@link LaunchPlan#capabilities()} order while the kernel services keep running, and finally stops the framework
 * (which removes nothing more). After each stop it reads what the kernel refused of that capability's removal from
 * the capabilities bundle's {@code RemovalReport} service property. A capability bundle plugs in by following the
 * {@code Capability} contract: register the service under its feature's name without needing cluster state, and
 * remove exactly its owned state on deactivation when {@code CapabilityStop} judges the stop FINAL, reporting what
 * the kernel refused ({@code OwnerLifecycle}; docs/capabilities.md).
 *
 * <p>The framework cache lives in {@code STATE_DIR/cleanup-cache}, so a cleanup never touches a running agent's.
 */
final class Cleanup {

    /**
     * How long the framework and then each capability may take to come up. They start together, so this bounds the
     * whole wait unless a capability never registers: seconds on a node, minutes on a starved one (a one-CPU
     * emulated guest under load took 100 s to start the framework).
     */
    private static final Duration CAPABILITY_TIMEOUT = Duration.ofMinutes(2);

    private final Distribution distribution;
    private final Log log;

    Cleanup(Distribution distribution, Log log) {
        this.distribution = distribution;
        this.log = log;
    }

    /**
     * Returns the exit status: 0 when every capability was stopped for good and removed its state, 1 when one never
     * registered, the kernel refused part of a removal (the capabilities' {@code RemovalReport}, named in the log) or
     * the framework failed.
     */
    int run(Options options, Path stateDir) {
        Agent.quietServiceLoaderMediator();
        AgentRuntime runtime = null;
        try {
            LaunchPlan plan = LaunchPlan.forCleanup(options, distribution.features());
            plan.locate(distribution.featureDescriptors(), distribution.bundles());
            Map<String, String> properties = Agent.frameworkProperties(distribution, plan,
                    stateDir.resolve("cleanup-cache"));
            runtime = new AgentRuntime(properties, distribution.bundles());
            log.info("--cleanup-config: removing the kernel state of " + plan.capabilities());
            runtime.start(plan.features(), plan.configurations());
            if (!runtime.awaitStarted(CAPABILITY_TIMEOUT)) {
                log.warn("the framework did not reach its final start level in "
                        + CAPABILITY_TIMEOUT.toSeconds() + " s; trying anyway");
            }
            List<String> failed = new ArrayList<>();
            for (String capability : plan.capabilities()) {
                if (!remove(runtime, capability)) {
                    failed.add(capability);
                }
            }
            runtime.close();
            runtime = null;
            if (failed.isEmpty()) {
                log.info("--cleanup-config: done");
                return 0;
            }
            log.error("--cleanup-config: the state of " + failed + " may remain");
            return 1;
        } catch (Exception e) {
            log.error("--cleanup-config failed: " + e.getMessage());
            return 1;
        } finally {
            closeQuietly(runtime);
        }
    }

    private boolean remove(AgentRuntime runtime, String capability) throws Exception {
        if (!runtime.awaitCapability(capability, CAPABILITY_TIMEOUT)) {
            log.error("capability " + capability + " did not start within " + CAPABILITY_TIMEOUT.toSeconds()
                    + " s; its kernel state is not removed");
            return false;
        }
        if (!runtime.stopCapability(capability)) {
            log.error("capability " + capability + " went away before it could be stopped; its kernel state may "
                    + "remain");
            return false;
        }
        List<String> refused;
        try {
            refused = runtime.removalFailures(capability);
        } catch (IllegalStateException e) {
            log.error("capability " + capability + " stopped for good, but whether it removed its state is unknown: "
                    + e.getMessage());
            return false;
        }
        if (!refused.isEmpty()) {
            log.error("capability " + capability + " stopped for good, but the kernel refused part of its removal: "
                    + String.join("; ", refused));
            return false;
        }
        log.info("capability " + capability + " stopped for good: it removed the kernel state it owns");
        return true;
    }

    private void closeQuietly(AgentRuntime runtime) {
        if (runtime == null) {
            return;
        }
        try {
            runtime.close();
        } catch (Exception e) {
            log.error("stopping: " + e.getMessage());
        }
    }
}
