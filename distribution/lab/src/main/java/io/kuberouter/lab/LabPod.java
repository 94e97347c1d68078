package io.kuberouter.lab;

import java.util.List;

/**
 * A pod of a running lab: network namespace {@code netns} with {@code eth0} at {@code ip} on its node's
 * {@code kube-bridge}, attached by the CNI plugins, and a server answering the pod's name on {@code ports}.
 */
public record LabPod(String namespace, String name, String node, String netns, String ip, List<Scenario.Port> ports) {

    /** {@code namespace/name}. */
    public String id() {
        return namespace + "/" + name;
    }

    /** Runs {@code command} in the pod's namespace; returns its stdout, throws IllegalStateException on failure. */
    public String exec(String... command) {
        return Shell.execIn(netns, command);
    }
}
