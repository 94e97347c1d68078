package io.kuberouter.proxy.nft.sync;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;

/**
 * The nftables backend's metrics: {@code kube_router_service_proxy_skipped_total{reason}} as the IPVS backend
 * (only one backend runs at a time), and ours: {@code kube_router_controller_nftables_services_sync_time}
 * (seconds, label {@code kind} = full|incremental) and {@code kube_router_controller_nftables_frontends}.
 * kube-router's per-service IPVS statistics have no nftables counterpart yet (the rules carry counters; see
 * docs/proxy.md).
 */
public final class NftMetrics {

    private final Histogram syncTime = Histogram.builder().name("kube_router_controller_nftables_services_sync_time")
            .help("Time it took the nftables service proxy to sync, by kind (full, incremental)").labelNames("kind")
            .classicOnly().build();
    private final Gauge frontends = Gauge.builder().name("kube_router_controller_nftables_frontends")
            .help("Frontends (service address, protocol and port) programmed into nftables").build();
    private final Counter skipped = Counter.builder().name("kube_router_service_proxy_skipped")
            .help("Parts of Services the proxy skipped (unknown scheduler, malformed annotation, refused IP, ...)")
            .labelNames("reason").build();

    public Histogram syncTime() {
        return syncTime;
    }

    public Gauge frontends() {
        return frontends;
    }

    public Counter skipped() {
        return skipped;
    }
}
