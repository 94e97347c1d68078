package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.ipvs.IpvsStats;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.ipvs.plan.IpvsEntry;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's metrics under kube-router's names (behaviour inventory §6.1, docs/metrics.md). The per-service
 * IPVS statistics are read from the kernel when Prometheus scrapes (one service dump), for the virtual
 * services the proxy programmed; counters whose upstream name lacks {@code _total} are untyped samples.
 */
public final class ProxyMetrics implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyMetrics.class);
    private static final List<String> LABELS = List.of("svc_namespace", "service_name", "service_vip", "protocol",
            "port");

    private final Histogram syncTime = Histogram.builder().name("kube_router_controller_ipvs_services_sync_time")
            .help("Time it took for controller to sync ipvs services").classicOnly().build();
    private final Histogram exportTime = Histogram.builder().name("kube_router_controller_ipvs_metrics_export_time")
            .help("Time it took to export metrics").classicOnly().build();
    private final Counter skipped = Counter.builder().name("kube_router_service_proxy_skipped")
            .help("Parts of Services the proxy skipped (unknown scheduler, malformed annotation, refused IP, ...)")
            .labelNames("reason").build();
    private final Map<ServiceKey, Labels> labels = new ConcurrentHashMap<>();
    private final Supplier<Ipvs> ipvs;

    /** @param ipvs the bound IPVS service at scrape time, or {@code null} */
    public ProxyMetrics(Supplier<Ipvs> ipvs) {
        this.ipvs = ipvs;
    }

    /** {@code kube_router_controller_ipvs_services_sync_time}. */
    public Histogram syncTime() {
        return syncTime;
    }

    /** {@code kube_router_controller_ipvs_metrics_export_time}. */
    public Histogram exportTime() {
        return exportTime;
    }

    /** {@code kube_router_service_proxy_skipped_total{reason}}. */
    public Counter skipped() {
        return skipped;
    }

    /** The labels of the changed virtual services, after a sync wrote them. */
    void publish(Set<ServiceKey> changed, DesiredIpvs desired) {
        for (ServiceKey key : changed) {
            IpvsEntry entry = desired.entry(key);
            if (entry == null) {
                labels.remove(key);
            } else {
                labels.put(key, labelsOf(entry));
            }
        }
    }

    /** The labels of every virtual service, after a full sync; labels of gone ones are dropped. */
    void publishAll(DesiredIpvs desired) {
        labels.keySet().retainAll(desired.entries().keySet());
        publish(desired.entries().keySet(), desired);
    }

    @Override
    public MetricSnapshots collect() {
        long start = System.nanoTime();
        Ipvs current = ipvs.get();
        if (current == null) {
            return MetricSnapshots.of();
        }
        try {
            List<ServiceStatus> services = current.services();
            MetricSnapshots snapshots = snapshots(services);
            exportTime.observe((System.nanoTime() - start) / 1e9);
            return snapshots;
        } catch (KernelException e) {
            LOG.warn("cannot read IPVS statistics: {}", e.getMessage());
            return MetricSnapshots.of();
        }
    }

    private MetricSnapshots snapshots(List<ServiceStatus> services) {
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(counter("kube_router_service_total_connections", "Total incoming connections made", services,
                IpvsStats::connections));
        out.add(counter("kube_router_service_packets_in", "Total incoming packets", services, IpvsStats::inPackets));
        out.add(counter("kube_router_service_packets_out", "Total outgoing packets", services, IpvsStats::outPackets));
        out.add(counter("kube_router_service_bytes_in", "Total incoming bytes", services, IpvsStats::inBytes));
        out.add(counter("kube_router_service_bytes_out", "Total outgoing bytes", services, IpvsStats::outBytes));
        out.add(gauge("kube_router_service_pps_in", "Incoming packets per second", services, IpvsStats::inPacketRate));
        out.add(gauge("kube_router_service_pps_out", "Outgoing packets per second", services,
                IpvsStats::outPacketRate));
        out.add(gauge("kube_router_service_cps", "Service connections per second", services,
                IpvsStats::connectionRate));
        out.add(gauge("kube_router_service_bps_in", "Incoming bytes per second", services, IpvsStats::inByteRate));
        out.add(gauge("kube_router_service_bps_out", "Outgoing bytes per second", services, IpvsStats::outByteRate));
        out.add(GaugeSnapshot.builder().name("kube_router_controller_ipvs_services").help("Number of ipvs services")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(services.size()).build()).build());
        return new MetricSnapshots(out);
    }

    private MetricSnapshot counter(String name, String help, List<ServiceStatus> services, ToLongFunction<IpvsStats> value) {
        UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
        for (ServiceStatus s : services) {
            Labels l = labels.get(s.service().key());
            if (l != null) {
                b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(l)
                        .value(value.applyAsLong(s.stats())).build());
            }
        }
        return b.build();
    }

    private MetricSnapshot gauge(String name, String help, List<ServiceStatus> services, ToLongFunction<IpvsStats> value) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        for (ServiceStatus s : services) {
            Labels l = labels.get(s.service().key());
            if (l != null) {
                b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l)
                        .value(value.applyAsLong(s.stats())).build());
            }
        }
        return b.build();
    }

    private static Labels labelsOf(IpvsEntry entry) {
        Frontend f = entry.frontend();
        return Labels.of(LABELS, List.of(entry.owner().namespace(), entry.owner().name(), f.address(),
                f.protocol().name().toLowerCase(Locale.ROOT), Integer.toString(f.port())));
    }
}
