package io.kuberouter.launcher.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kube-router v2.11 flag, with upstream's pflag type and default (behaviour reference §1.1-§1.5). */
class FlagRegistryTest {

    private static final Map<String, Class<?>> JAVA_TYPES = Map.of("Boolean", Boolean.class, "String", String.class,
            "Long", Long.class, "Duration", Duration.class, "List", List.class, "PortRange", PortRange.class);

    @ParameterizedTest(name = "--{0} {1} (default {2})")
    @CsvSource(quoteCharacter = '\'', textBlock = """
            run-firewall,                       ,          true,            Boolean
            run-router,                         ,          true,            Boolean
            run-service-proxy,                  ,          true,            Boolean
            run-loadbalancer,                   ,          false,           Boolean
            kubeconfig,                         string,    '',              String
            master,                             string,    '',              String
            hostname-override,                  string,    '',              String
            cache-sync-timeout,                 duration,  1m0s,            Duration
            cleanup-config,                     ,          false,           Boolean
            enable-ipv4,                        ,          true,            Boolean
            enable-ipv6,                        ,          false,           Boolean
            health-addr,                        string,    '',              String
            health-port,                        uint16,    20244,           Long
            metrics-addr,                       string,    '',              String
            metrics-port,                       uint16,    0,               Long
            metrics-path,                       string,    /metrics,        String
            enable-pprof,                       ,          false,           Boolean
            v,                                  string,    0,               String
            version,                            ,          false,           Boolean
            help,                               ,          false,           Boolean
            service-cluster-ip-range,           strings,   [10.96.0.0/12],  List
            service-external-ip-range,          strings,   [],              List
            loadbalancer-ip-range,              strings,   [],              List
            strict-external-ip-validation,      ,          true,            Boolean
            service-node-port-range,            string,    30000-32767,     PortRange
            ipvs-sync-period,                   duration,  5m0s,            Duration
            ipvs-graceful-termination,          ,          false,           Boolean
            ipvs-graceful-period,               duration,  30s,             Duration
            ipvs-permit-all,                    ,          true,            Boolean
            masquerade-all,                     ,          false,           Boolean
            nodeport-bindon-all-ip,             ,          false,           Boolean
            hairpin-mode,                       ,          false,           Boolean
            excluded-cidrs,                     strings,   [],              List
            runtime-endpoint,                   string,    '',              String
            service-tcp-timeout,                duration,  0s,              Duration
            service-tcpfin-timeout,             duration,  0s,              Duration
            service-udp-timeout,                duration,  0s,              Duration
            iptables-sync-period,               duration,  5m0s,            Duration
            netpol-default-deny,                ,          false,           Boolean
            use-nftables-for-netpol,            ,          false,           Boolean
            routes-sync-period,                 duration,  5m0s,            Duration
            injected-routes-sync-period,        duration,  1m0s,            Duration
            enable-cni,                         ,          true,            Boolean
            auto-mtu,                           ,          true,            Boolean
            enable-overlay,                     ,          true,            Boolean
            overlay-type,                       string,    subnet,          String
            overlay-encap,                      string,    ipip,            String
            overlay-encap-port,                 uint16,    5555,            Long
            enable-pod-egress,                  ,          true,            Boolean
            enable-ibgp,                        ,          true,            Boolean
            nodes-full-mesh,                    ,          true,            Boolean
            cluster-asn,                        uint,      0,               Long
            router-id,                          string,    '',              String
            bgp-port,                           uint32,    179,             Long
            bgp-holdtime,                       duration,  1m30s,           Duration
            bgp-graceful-restart,               ,          false,           Boolean
            bgp-graceful-restart-time,          duration,  1m30s,           Duration
            bgp-graceful-restart-deferral-time, duration,  6m0s,            Duration
            peer-router-ips,                    ipSlice,   [],              List
            peer-router-asns,                   uints,     [],              List
            peer-router-ports,                  uints,     [],              List
            peer-router-passwords,              strings,   [],              List
            peer-router-passwords-file,         string,    '',              String
            peer-router-multihop-ttl,           uint8,     0,               Long
            override-nexthop,                   ,          false,           Boolean
            advertise-cluster-ip,               ,          false,           Boolean
            advertise-external-ip,              ,          false,           Boolean
            advertise-loadbalancer-ip,          ,          false,           Boolean
            advertise-pod-cidr,                 ,          true,            Boolean
            enable-bfd,                         ,          false,           Boolean
            bfd-port,                           uint32,    3784,            Long
            bfd-detection-multiplier,           uint32,    3,               Long
            bfd-desired-min-tx-interval,        uint32,    1000,            Long
            bfd-required-min-rx-interval,       uint32,    1000,            Long
            gobgp-admin-address,                string,    127.0.0.1,       String
            gobgp-admin-port,                   uint16,    50051,           Long
            disable-source-dest-check,          ,          true,            Boolean
            loadbalancer-default-class,         ,          true,            Boolean
            loadbalancer-sync-period,           duration,  1m0s,            Duration
            webconsole-addr,                    string,    127.0.0.1,       String
            webconsole-port,                    uint16,    20245,           Long
            webconsole-user,                    string,    admin,           String
            webconsole-password,                string,    '',              String
            webconsole-password-file,           string,    '',              String
            state-dir,                          string,    /var/lib/kube-router-jvm, String
            node-capabilities,                  ,          false,           Boolean
            service-proxy-backend,              string,    ipvs,            String
            """)
    void declaresTheFlagWithUpstreamTypeAndDefault(String name, String usageType, String defaultText, String javaType) {
        Flag<?> flag = FlagRegistry.byName(name).orElseThrow(() -> new AssertionError("missing --" + name));
        assertEquals(Objects.toString(usageType, ""), flag.type().usageName());
        assertEquals(defaultText, flag.defaultText());
        assertInstanceOf(JAVA_TYPES.get(javaType), flag.defaultValue());
    }

    @Test
    void hasExactlyTheUpstreamFlagsPlusTheExtensions() {
        Map<Flag.Origin, Long> counts = FlagRegistry.all().stream()
                .collect(Collectors.groupingBy(Flag::origin, Collectors.counting()));
        assertEquals(79, counts.get(Flag.Origin.UPSTREAM));
        assertEquals(List.of("node-capabilities", "service-proxy-backend", "standalone", "state-dir", "webconsole-addr", "webconsole-password",
                "webconsole-password-file", "webconsole-port", "webconsole-user"), FlagRegistry.all().stream()
                .filter(flag -> flag.origin() == Flag.Origin.EXTENSION).map(Flag::name).toList());
    }

    @Test
    void marksExtensionsInTheirHelp() {
        for (Flag<?> flag : FlagRegistry.all()) {
            assertEquals(flag.origin() == Flag.Origin.EXTENSION, flag.usage().startsWith(Flag.EXTENSION_MARK),
                    flag.name());
            assertFalse(flag.usage().replace(Flag.EXTENSION_MARK, "").isBlank(), flag.name());
        }
    }

    @Test
    void hasUpstreamsShorthands() {
        assertEquals("v", FlagRegistry.byShorthand('v').orElseThrow().name());
        assertEquals("version", FlagRegistry.byShorthand('V').orElseThrow().name());
        assertEquals("help", FlagRegistry.byShorthand('h').orElseThrow().name());
        assertEquals(3, FlagRegistry.all().stream().filter(flag -> !flag.shorthand().isEmpty()).count());
        assertEquals("-v, --v", GeneralFlags.VERBOSITY.displayName());
        assertEquals("--master", GeneralFlags.MASTER.displayName());
    }

    @Test
    void listsFlagsSortedByName() {
        List<String> names = FlagRegistry.all().stream().map(Flag::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void anEmptyCommandLineGivesEveryDefault() {
        Options options = CommandLines.run();
        for (Flag<?> flag : FlagRegistry.all()) {
            assertEquals(flag.defaultValue(), options.get(flag), flag.name());
        }
    }
}
