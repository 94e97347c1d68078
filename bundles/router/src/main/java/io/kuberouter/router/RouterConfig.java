package io.kuberouter.router;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The router's configuration, written by the launcher from kube-router's flags (docs/flags.md, behaviour reference
 * §1.4): property {@code peer.router.ips} for {@code peer_router_ips()}, durations in milliseconds, peer passwords
 * already decoded from base64 by the launcher.
 */
@ObjectClassDefinition(id = RouterConfig.PID, name = "kube-router: router",
        description = "Pod CIDRs over BGP, learned routes and ipip tunnels in the kernel, service VIP advertisement.")
@interface RouterConfig {

    String PID = "io.kuberouter.router";

    @AttributeDefinition(description = "--routes-sync-period in ms: longest time between full BGP syncs", min = "1")
    long routes_sync_period() default 300_000L;

    @AttributeDefinition(description = "--injected-routes-sync-period in ms: longest time between route repairs",
            min = "1")
    long injected_routes_sync_period() default 60_000L;

    @AttributeDefinition(description = "--enable-cni: write the node's pod CIDRs into the CNI conf")
    boolean enable_cni() default true;

    @AttributeDefinition(description = "the CNI conf file; empty: $KUBE_ROUTER_CNI_CONF_FILE, else "
            + "/etc/cni/net.d/10-kuberouter.conf (upstream)")
    String cni_conf_file() default "";

    @AttributeDefinition(description = "--auto-mtu: kube-bridge and the CNI conf get the MTU of the node IP's "
            + "interface")
    boolean auto_mtu() default true;

    @AttributeDefinition(description = "--state-dir: the pod CIDRs written into the CNI conf are recorded in "
            + "router/cni-ranges.json under it, so that --cleanup-config removes them")
    String state_dir() default "/var/lib/kube-router-jvm";

    @AttributeDefinition(description = "--enable-overlay")
    boolean enable_overlay() default true;

    @AttributeDefinition(description = "--overlay-type: subnet or full")
    String overlay_type() default "subnet";

    @AttributeDefinition(description = "--overlay-encap: ipip (fou is refused by the launcher: not available)")
    String overlay_encap() default "ipip";

    @AttributeDefinition(description = "--enable-bfd (not available: a warning at start, sessions without BFD)")
    boolean enable_bfd() default false;

    @AttributeDefinition(description = "--enable-pod-egress")
    boolean enable_pod_egress() default true;

    @AttributeDefinition(description = "--advertise-cluster-ip")
    boolean advertise_cluster_ip() default false;

    @AttributeDefinition(description = "--advertise-external-ip")
    boolean advertise_external_ip() default false;

    @AttributeDefinition(description = "--advertise-loadbalancer-ip")
    boolean advertise_loadbalancer_ip() default false;

    @AttributeDefinition(description = "--advertise-pod-cidr")
    boolean advertise_pod_cidr() default true;

    @AttributeDefinition(description = "--enable-ibgp")
    boolean enable_ibgp() default true;

    @AttributeDefinition(description = "--nodes-full-mesh")
    boolean nodes_full_mesh() default true;

    @AttributeDefinition(description = "--cluster-asn, 0 = 64512")
    long cluster_asn() default 0L;

    @AttributeDefinition(description = "--router-id: empty = the node's IPv4 address, 'generate' = FNV-32a of it")
    String router_id() default "";

    @AttributeDefinition(description = "--bgp-port")
    int bgp_port() default 179;

    @AttributeDefinition(description = "--bgp-holdtime in ms (external peers)")
    long bgp_holdtime() default 90_000L;

    @AttributeDefinition(description = "--bgp-graceful-restart")
    boolean bgp_graceful_restart() default false;

    @AttributeDefinition(description = "--bgp-graceful-restart-time in ms")
    long bgp_graceful_restart_time() default 90_000L;

    @AttributeDefinition(description = "--bgp-graceful-restart-deferral-time in ms")
    long bgp_graceful_restart_deferral_time() default 360_000L;

    @AttributeDefinition(description = "--peer-router-ips")
    String[] peer_router_ips() default {};

    @AttributeDefinition(description = "--peer-router-asns, one per IP")
    String[] peer_router_asns() default {};

    @AttributeDefinition(description = "--peer-router-ports, one per IP or none")
    String[] peer_router_ports() default {};

    @AttributeDefinition(description = "--peer-router-passwords (decoded), one per IP or none; blank = none")
    String[] peer_router_passwords() default {};

    @AttributeDefinition(description = "--peer-router-multihop-ttl, applied when >= 2")
    int peer_router_multihop_ttl() default 0;

    @AttributeDefinition(description = "--override-nexthop")
    boolean override_nexthop() default false;

    @AttributeDefinition(description = "--enable-ipv4")
    boolean enable_ipv4() default true;

    @AttributeDefinition(description = "--enable-ipv6")
    boolean enable_ipv6() default false;
}
