package io.kuberouter.lab;

/**
 * A node of a running lab: network namespace {@code netns} with {@code eth0} on the node network at
 * {@code internalIp}, {@code kube-bridge} for its pods (from {@code podCidr}) and, unless the lab runs without agents,
 * the agent.
 */
public record LabNode(String name, String netns, String internalIp, String podCidr) {

    /** Runs {@code command} in the node's namespace; returns its stdout, throws IllegalStateException on failure. */
    public String exec(String... command) {
        return Shell.execIn(netns, command);
    }
}
