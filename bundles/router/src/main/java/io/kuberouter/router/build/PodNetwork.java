package io.kuberouter.router.build;

import java.util.List;
import java.util.OptionalInt;

/**
 * The node set-up kube-router's routing controller does at start (behaviour reference §5.1 steps 4, 7 and
 * {@code --auto-mtu}, §1.4): the pod bridge {@value #BRIDGE} exists and is up, with the MTU of the interface that
 * holds the node IP when auto-MTU is on, and the FORWARD accept rules name that interface. Upstream's help says the
 * auto MTU "accounts for IPIP overlay", but its code ({@code GetNodeMTU}) takes the interface's MTU as it is, with
 * or without the overlay; so does this. Pure.
 *
 * @param nodeInterface the interface holding the node's IP
 * @param bridgeMtu the MTU for the bridge and the CNI conf, empty without auto-MTU
 * @param forwardRules {@link ForwardRules#of(String)} for the node interface
 */
public record PodNetwork(String nodeInterface, OptionalInt bridgeMtu, List<String> forwardRules) {

    public static final String BRIDGE = "kube-bridge";

    public PodNetwork {
        forwardRules = List.copyOf(forwardRules);
    }

    /**
     * @param nodeInterface name of the interface holding the node IP
     * @param nodeMtu its MTU
     */
    public static PodNetwork of(String nodeInterface, int nodeMtu, boolean autoMtu) {
        return new PodNetwork(nodeInterface, autoMtu ? OptionalInt.of(nodeMtu) : OptionalInt.empty(),
                ForwardRules.of(nodeInterface));
    }
}
