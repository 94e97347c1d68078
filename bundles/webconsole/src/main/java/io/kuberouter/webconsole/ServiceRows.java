package io.kuberouter.webconsole;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.DestinationStatistics;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.SchedulerFlag;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.ServerStatistics;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.Traffic;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Services page and {@code kr:services} in plain cells, one row per virtual server (a Service port on one
 * frontend): what the running proxy last programmed, joined with the kernel's counters read now. Endpoints the
 * kernel still holds but the proxy no longer wants (graceful termination) are listed as draining.
 *
 * @param backend the proxy backend ({@code ipvs}, {@code nftables})
 * @param revision the cluster revision the proxy last programmed
 * @param rows by Service, then in the proxy's order
 * @param problems what the proxy skipped, one line each
 */
record ServiceRows(String backend, long revision, List<Row> rows, List<String> problems) {

    /**
     * One virtual server.
     *
     * @param service {@code namespace/name}
     * @param port the port name, {@code -} for an unnamed port
     * @param frontend e.g. {@code 10.96.0.10:80/TCP (CLUSTER_IP)}
     * @param scheduling e.g. {@code rr}, {@code mh flag-1,flag-2, affinity 10800 s}
     * @param delivery {@code NAT} or e.g. {@code TUNNEL fwmark 3000 by dsr}
     * @param endpoints e.g. {@code 10.244.1.10:8080 weight 1, 0 active / 2 inactive, 5 conns, node n1 (local)}
     * @param traffic e.g. {@code 12 conns, 80 pkts in / 70 out, 5 KB in / 4 KB out}, or {@code -} when the
     *     backend has no counters for it
     */
    record Row(String service, String port, String frontend, String scheduling, String delivery,
            List<String> endpoints, String traffic) {
    }

    static ServiceRows of(ServiceProxyView view) {
        Map<ObjectKey, ProxiedService> services = new TreeMap<>(view.services());
        Map<String, ServerStatistics> statistics = view.statistics();
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ProxiedService service : services.values()) {
            for (VirtualServer server : service.servers()) {
                rows.add(row(server, statistics.get(ServerStatistics.keyOf(server))));
            }
            service.problems().forEach(p -> problems.add(p.toString()));
        }
        return new ServiceRows(view.backend(), view.revision(), rows, problems);
    }

    private static Row row(VirtualServer server, ServerStatistics stats) {
        Map<String, DestinationStatistics> destinations = new LinkedHashMap<>();
        if (stats != null) {
            stats.destinations().forEach(d -> destinations.put(d.id(), d));
        }
        List<String> endpoints = new ArrayList<>();
        for (Backend backend : server.backends()) {
            DestinationStatistics d = destinations.remove(backend.id());
            endpoints.add(backend.id() + (d == null ? "" : " " + destination(d)) + node(backend)
                    + (backend.ready() ? "" : ", not ready") + (backend.terminating() ? ", terminating" : ""));
        }
        destinations.values().forEach(d -> endpoints.add(d.id() + " " + destination(d) + ", draining"));
        Frontend f = server.frontend();
        String address = f.address().indexOf(':') >= 0 ? "[" + f.address() + "]" : f.address();
        return new Row(server.service().namespace() + "/" + server.service().name(),
                server.portName().isEmpty() ? "-" : server.portName(),
                address + ":" + f.port() + "/" + f.protocol() + " (" + f.kind() + ")", scheduling(server.scheduling()),
                delivery(server.delivery()), endpoints, stats == null ? "-" : traffic(stats.traffic()));
    }

    private static String destination(DestinationStatistics d) {
        return "weight " + d.weight() + ", " + d.activeConnections() + " active / " + d.inactiveConnections()
                + " inactive, " + d.traffic().connections() + " conns";
    }

    private static String node(Backend backend) {
        if (backend.nodeName().isEmpty()) {
            return "";
        }
        return ", node " + backend.nodeName() + (backend.local() ? " (local)" : "");
    }

    static String scheduling(Scheduling s) {
        StringBuilder text = new StringBuilder(s.scheduler());
        if (!s.flags().isEmpty()) {
            text.append(' ').append(s.flags().stream().map(SchedulerFlag::annotationValue).sorted()
                    .collect(Collectors.joining(",")));
        }
        if (s.sticky()) {
            text.append(", affinity ").append(s.affinityTimeoutSeconds()).append(" s");
        }
        return text.toString();
    }

    static String delivery(Delivery d) {
        if (d.forwarding() == Delivery.Forwarding.NAT && d.fwmark() == 0) {
            return d.claimedBy().isEmpty() ? "NAT" : "NAT by " + d.claimedBy();
        }
        return d.forwarding() + (d.fwmark() == 0 ? "" : " fwmark " + d.fwmark())
                + (d.claimedBy().isEmpty() ? "" : " by " + d.claimedBy());
    }

    static String traffic(Traffic t) {
        return t.connections() + " conns, " + t.packetsIn() + " pkts in / " + t.packetsOut() + " out, "
                + bytes(t.bytesIn()) + " in / " + bytes(t.bytesOut()) + " out";
    }

    /** Bytes in B, KiB, MiB or GiB, one decimal above B. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
