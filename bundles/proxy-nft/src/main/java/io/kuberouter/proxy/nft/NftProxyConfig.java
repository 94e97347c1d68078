package io.kuberouter.proxy.nft;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The nftables proxy's configuration, written by the launcher from kube-router's flags when
 * {@code --service-proxy-backend} resolves to {@code nftables} (docs/flags.md, PID {@code io.kuberouter.proxy.nft}):
 * the same keys as the IPVS backend's PID for the flags that apply; durations in milliseconds.
 */
@ObjectClassDefinition(id = NftProxyConfig.PID, name = "kube-router: service proxy (nftables)",
        description = "Programs ClusterIP, NodePort, ExternalIP and LoadBalancer Services into nftables.")
@interface NftProxyConfig {

    String PID = "io.kuberouter.proxy.nft";

    @AttributeDefinition(description = "--ipvs-sync-period in milliseconds: the longest time between full syncs",
            min = "1")
    long ipvs_sync_period() default 300_000L;

    @AttributeDefinition(description = "--masquerade-all: masquerade all service traffic")
    boolean masquerade_all() default false;

    @AttributeDefinition(description = "--nodeport-bindon-all-ip: NodePorts on every local address")
    boolean nodeport_bindon_all_ip() default false;

    @AttributeDefinition(description = "--service-cluster-ip-range: CIDRs, at most one per family")
    String[] service_cluster_ip_range() default {"10.96.0.0/12"};

    @AttributeDefinition(description = "--service-external-ip-range: CIDRs")
    String[] service_external_ip_range() default {};

    @AttributeDefinition(description = "--loadbalancer-ip-range: CIDRs")
    String[] loadbalancer_ip_range() default {};

    @AttributeDefinition(description = "--strict-external-ip-validation: external and LoadBalancer IPs only "
            + "inside their ranges")
    boolean strict_external_ip_validation() default true;

    @AttributeDefinition(description = "--enable-ipv4")
    boolean enable_ipv4() default true;

    @AttributeDefinition(description = "--enable-ipv6")
    boolean enable_ipv6() default false;
}
