package io.kuberouter.firewall;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The firewall's configuration, written by the launcher from kube-router's flags (docs/flags.md): property
 * {@code iptables.sync.period} for {@code iptables_sync_period()}, durations in milliseconds.
 */
@ObjectClassDefinition(id = FirewallConfig.PID, name = "kube-router: NetworkPolicy firewall",
        description = "Enforces networking.k8s.io/v1 NetworkPolicies for this node's pods with iptables and ipset.")
@interface FirewallConfig {

    String PID = "io.kuberouter.firewall";

    @AttributeDefinition(description = "--iptables-sync-period in milliseconds: the longest time between full syncs",
            min = "1")
    long iptables_sync_period() default 300_000L;

    @AttributeDefinition(description = "--netpol-default-deny: reject traffic of local pods until their firewall "
            + "chain exists")
    boolean netpol_default_deny() default false;

    @AttributeDefinition(description = "--use-nftables-for-netpol: not available, the iptables backend runs")
    boolean use_nftables_for_netpol() default false;

    @AttributeDefinition(description = "--service-cluster-ip-range: CIDRs, at most one per family")
    String[] service_cluster_ip_range() default {"10.96.0.0/12"};

    @AttributeDefinition(description = "--service-external-ip-range: CIDRs")
    String[] service_external_ip_range() default {};

    @AttributeDefinition(description = "--loadbalancer-ip-range: CIDRs")
    String[] loadbalancer_ip_range() default {};

    @AttributeDefinition(description = "--service-node-port-range: first-last")
    String service_node_port_range() default "30000-32767";

    @AttributeDefinition(description = "--enable-ipv4")
    boolean enable_ipv4() default true;

    @AttributeDefinition(description = "--enable-ipv6")
    boolean enable_ipv6() default false;
}
