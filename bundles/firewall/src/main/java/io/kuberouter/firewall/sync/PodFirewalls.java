package io.kuberouter.firewall.sync;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.firewall.FirewallChain;
import io.kuberouter.api.firewall.PodFirewall;
import io.kuberouter.api.firewall.SelectingPolicy;
import io.kuberouter.firewall.model.Chain;
import io.kuberouter.firewall.model.ChainKey;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the per-pod view out of a built state: each {@code KUBE-POD-FW-*} chain names its pod, each of its rules
 * that jumps to a {@code KUBE-NWPLCY-*} chain of a policy is one selecting policy, in the direction the rule
 * guards ({@code -d} the pod's address: ingress, {@code -s}: egress; see {@code PodChainRules}). Pure.
 */
final class PodFirewalls {

    private PodFirewalls() {
    }

    static Map<ObjectKey, PodFirewall> of(DesiredState state) {
        Map<ObjectKey, List<SelectingPolicy>> policies = new TreeMap<>();
        Map<ObjectKey, List<FirewallChain>> chains = new TreeMap<>();
        for (FamilyState family : state.families().values()) {
            Map<String, ChainKey> policyChains = new LinkedHashMap<>();
            family.versioned().forEach((key, chain) -> {
                if (key.kind() != ChainKey.Kind.POD) {
                    policyChains.put(chain.name(), key);
                }
            });
            Map<String, Chain> byName = family.chainsByName();
            family.versioned().forEach((key, chain) -> {
                if (key.kind() == ChainKey.Kind.POD) {
                    ObjectKey pod = new ObjectKey(key.namespace(), key.name());
                    List<SelectingPolicy> selecting = policies.computeIfAbsent(pod, k -> new ArrayList<>());
                    List<FirewallChain> podChains = chains.computeIfAbsent(pod, k -> new ArrayList<>());
                    podChains.add(new FirewallChain(family.family(), chain.name(), chain.rules()));
                    Set<String> jumpedTo = new LinkedHashSet<>();
                    for (String rule : chain.rules()) {
                        List<String> words = Arrays.asList(rule.split(" "));
                        int jump = words.indexOf("-j");
                        ChainKey target = jump < 0 || jump + 1 >= words.size() ? null
                                : policyChains.get(words.get(jump + 1));
                        if (target == null) {
                            continue;
                        }
                        SelectingPolicy policy = new SelectingPolicy(new ObjectKey(target.namespace(), target.name()),
                                target.kind() == ChainKey.Kind.POLICY && words.contains("-d"));
                        if (!selecting.contains(policy)) {
                            selecting.add(policy);
                        }
                        jumpedTo.add(words.get(jump + 1));
                    }
                    jumpedTo.forEach(name -> podChains.add(new FirewallChain(family.family(), name,
                            byName.get(name).rules())));
                }
            });
        }
        Map<ObjectKey, PodFirewall> pods = new LinkedHashMap<>();
        chains.forEach((pod, list) -> pods.put(pod, new PodFirewall(pod, policies.get(pod), list)));
        return pods;
    }
}
