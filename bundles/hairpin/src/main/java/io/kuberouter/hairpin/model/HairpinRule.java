package io.kuberouter.hairpin.model;

import io.kuberouter.api.cluster.IpFamily;
import java.util.List;
import java.util.Objects;

/**
 * One rule of chain {@code KUBE-ROUTER-HAIRPIN} in the nat table (behaviour inventory §3.6): a local endpoint's
 * own connection to a VIP that IPVS sent back to it gets the VIP as source, so the pod accepts it (a packet from
 * its own address would be a martian) and replies through the node:
 * {@code -s EP/32 -d EP/32 -m ipvs --vaddr VIP --vport PORT -j SNAT --to-source VIP} (the form iptables-save
 * prints: the ipvs match's host address without a length). The protocol is not part of the rule, as upstream.
 */
public record HairpinRule(String endpoint, String vip, int port) implements Comparable<HairpinRule> {

    public HairpinRule {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(vip, "vip");
    }

    public IpFamily family() {
        return IpFamily.of(vip);
    }

    /** The rule's arguments as {@code iptables-save} prints them. */
    public List<String> args() {
        String host = family() == IpFamily.IPV4 ? "/32" : "/128";
        return List.of("-s", endpoint + host, "-d", endpoint + host, "-m", "ipvs", "--vaddr", vip, "--vport",
                Integer.toString(port), "-j", "SNAT", "--to-source", vip);
    }

    @Override
    public int compareTo(HairpinRule other) {
        int c = endpoint.compareTo(other.endpoint);
        if (c == 0) {
            c = vip.compareTo(other.vip);
        }
        return c != 0 ? c : Integer.compare(port, other.port);
    }
}
