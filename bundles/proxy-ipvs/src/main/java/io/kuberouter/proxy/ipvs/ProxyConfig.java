package io.kuberouter.proxy.ipvs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The proxy's configuration, written by the launcher from kube-router's flags (docs/flags.md, PID
 * {@code io.kuberouter.proxy}): property {@code ipvs.sync.period} for {@code ipvs_sync_period()}, durations in
 * milliseconds. The PID carries more keys than these (DSR's {@code runtime.endpoint}, hairpin's
 * {@code hairpin.mode}); their bundles read them.
 */
@ObjectClassDefinition(id = ProxyConfig.PID, name = "kube-router: service proxy (IPVS)",
        description = "Programs ClusterIP, NodePort, ExternalIP and LoadBalancer Services into IPVS.")
@interface ProxyConfig {

    String PID = "io.kuberouter.proxy";

    @AttributeDefinition(description = "--ipvs-sync-period in milliseconds: the longest time between full syncs",
            min = "1")
    long ipvs_sync_period() default 300_000L;

    @AttributeDefinition(description = "--ipvs-graceful-termination: drain removed destinations at weight 0")
    boolean ipvs_graceful_termination() default false;

    @AttributeDefinition(description = "--ipvs-graceful-period in milliseconds: drain limit when the pod's "
            + "terminationGracePeriodSeconds is unknown", min = "1")
    long ipvs_graceful_period() default 30_000L;

    @AttributeDefinition(description = "--ipvs-permit-all: guard service IPs in the INPUT chain")
    boolean ipvs_permit_all() default true;

    @AttributeDefinition(description = "--masquerade-all: SNAT all IPVS-masqueraded traffic")
    boolean masquerade_all() default false;

    @AttributeDefinition(description = "--nodeport-bindon-all-ip: NodePorts on every local address")
    boolean nodeport_bindon_all_ip() default false;

    @AttributeDefinition(description = "--excluded-cidrs: IPVS services inside are never deleted")
    String[] excluded_cidrs() default {};

    @AttributeDefinition(description = "--service-tcp-timeout in milliseconds, 0 = kernel default")
    long service_tcp_timeout() default 0L;

    @AttributeDefinition(description = "--service-tcpfin-timeout in milliseconds, 0 = kernel default")
    long service_tcpfin_timeout() default 0L;

    @AttributeDefinition(description = "--service-udp-timeout in milliseconds, 0 = kernel default")
    long service_udp_timeout() default 0L;

    @AttributeDefinition(description = "--service-cluster-ip-range: CIDRs, at most one per family")
    String[] service_cluster_ip_range() default {"10.96.0.0/12"};

    @AttributeDefinition(description = "--service-external-ip-range: CIDRs")
    String[] service_external_ip_range() default {};

    @AttributeDefinition(description = "--loadbalancer-ip-range: CIDRs")
    String[] loadbalancer_ip_range() default {};

    @AttributeDefinition(description = "--strict-external-ip-validation: external and LoadBalancer IPs only "
            + "inside their ranges")
    boolean strict_external_ip_validation() default true;

    @AttributeDefinition(description = "--service-node-port-range: first-last; virtual services on these ports "
            + "are the proxy's (NodePorts)")
    String service_node_port_range() default "30000-32767";

    @AttributeDefinition(description = "--enable-ipv4")
    boolean enable_ipv4() default true;

    @AttributeDefinition(description = "--enable-ipv6")
    boolean enable_ipv6() default false;
}
