package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.CommandLines.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Features and ConfigAdmin configurations derived from the options. */
class ConfigurationMapperTest {

    @ParameterizedTest(name = "{0} -> features [{1}], PIDs [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                          | core metrics proxy dsr hairpin firewall router | k8s proxy firewall router metrics health
            --run-service-proxy=false   | core metrics firewall router                   | k8s firewall router metrics health
            --run-firewall=false        | core metrics proxy dsr hairpin router          | k8s proxy router metrics health
            --run-router=false          | core metrics proxy dsr hairpin firewall            | k8s proxy firewall metrics health
            --run-loadbalancer          | core metrics proxy dsr hairpin firewall router lballoc | k8s proxy firewall router lballoc metrics health
            --webconsole-password=pw    | core metrics proxy dsr hairpin firewall router webconsole | k8s proxy firewall router metrics health webconsole
            `--run-service-proxy=false --run-firewall=false --run-router=false --node-capabilities` | core metrics | k8s proxy firewall router lballoc metrics health
            `--run-firewall=false --node-capabilities` | core metrics proxy dsr hairpin router | k8s proxy firewall router lballoc metrics health
            --service-proxy-backend=nftables | core metrics proxy dsr hairpin firewall router | k8s proxy.nft firewall router metrics health
            --service-proxy-backend=IPVS | core metrics proxy dsr hairpin firewall router | k8s proxy firewall router metrics health
            """)
    void producesThePidsOfEnabledFeaturesOnlyOrOfEveryCapabilityTheNodeMayEnable(String argument, String features, String pids) {
        Options options = argument.isEmpty() ? run() : run(argument.split(" "));
        assertEquals(List.of(features.split(" ")), List.copyOf(ConfigurationMapper.features(options)));
        assertEquals(List.of(pids.split(" ")), ConfigurationMapper.configurations(options).stream()
                .map(spec -> spec.pid().substring("io.kuberouter.".length())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            io.kuberouter.k8s        | cache.sync.timeout enable.ipv4 enable.ipv6 hostname.override kubeconfig master
            io.kuberouter.proxy      | enable.ipv4 enable.ipv6 excluded.cidrs hairpin.mode hostname.override ipvs.graceful.period ipvs.graceful.termination ipvs.permit.all ipvs.sync.period loadbalancer.ip.range masquerade.all nodeport.bindon.all.ip runtime.endpoint service.cluster.ip.range service.external.ip.range service.node.port.range service.tcp.timeout service.tcpfin.timeout service.udp.timeout strict.external.ip.validation
            io.kuberouter.firewall   | enable.ipv4 enable.ipv6 iptables.sync.period loadbalancer.ip.range netpol.default.deny service.cluster.ip.range service.external.ip.range service.node.port.range use.nftables.for.netpol
            io.kuberouter.router     | advertise.cluster.ip advertise.external.ip advertise.loadbalancer.ip advertise.pod.cidr auto.mtu bfd.desired.min.tx.interval bfd.detection.multiplier bfd.port bfd.required.min.rx.interval bgp.graceful.restart bgp.graceful.restart.deferral.time bgp.graceful.restart.time bgp.holdtime bgp.port cluster.asn disable.source.dest.check enable.bfd enable.cni enable.ibgp enable.ipv4 enable.ipv6 enable.overlay enable.pod.egress gobgp.admin.address gobgp.admin.port injected.routes.sync.period loadbalancer.ip.range nodes.full.mesh overlay.encap overlay.encap.port overlay.type override.nexthop peer.router.asns peer.router.ips peer.router.multihop.ttl peer.router.passwords peer.router.ports router.id routes.sync.period service.cluster.ip.range service.external.ip.range state.dir strict.external.ip.validation
            io.kuberouter.lballoc    | loadbalancer.default.class loadbalancer.ip.range loadbalancer.sync.period
            io.kuberouter.metrics    | metrics.addr metrics.path metrics.port
            io.kuberouter.health     | health.addr health.port injected.routes.sync.period iptables.sync.period ipvs.sync.period loadbalancer.sync.period routes.sync.period
            io.kuberouter.webconsole | webconsole.addr webconsole.password webconsole.port webconsole.user
            """)
    void givesEachPidItsFlags(String pid, String keys) {
        Map<String, Object> properties = spec(run("--run-loadbalancer", "--webconsole-password=pw"), pid).properties();
        assertEquals(new TreeSet<>(List.of(keys.split(" "))), new TreeSet<>(properties.keySet()));
    }

    @Test
    void givesTheNftablesBackendTheProxyFlagsThatApplyToIt() {
        Map<String, Object> properties = spec(run("--service-proxy-backend=nftables", "--masquerade-all"),
                "io.kuberouter.proxy.nft").properties();
        assertEquals(new TreeSet<>(List.of("enable.ipv4", "enable.ipv6", "ipvs.sync.period", "loadbalancer.ip.range",
                "masquerade.all", "nodeport.bindon.all.ip", "service.cluster.ip.range", "service.external.ip.range",
                "strict.external.ip.validation")), new TreeSet<>(properties.keySet()));
        assertEquals(Boolean.TRUE, properties.get("masquerade.all"));
    }

    @Test
    void convertsValuesToConfigAdminTypes() {
        Options options = run("--ipvs-sync-period=1h2m3.5s", "--service-cluster-ip-range=10.96.1.5/12",
                "--excluded-cidrs=2001:DB8:0::/48", "--service-node-port-range=30000:32000", "--cluster-asn=64513",
                "--peer-router-ips=192.0.2.1,2001:db8:0::1", "--peer-router-asns=65001,4200000001",
                "--peer-router-ports=179,1179", "--bgp-port=1790", "--peer-router-multihop-ttl=2");
        Map<String, Object> proxy = spec(options, "io.kuberouter.proxy").properties();
        assertEquals(3_723_500L, proxy.get("ipvs.sync.period"));
        assertArrayEquals(new String[] {"10.96.0.0/12"}, (String[]) proxy.get("service.cluster.ip.range"));
        assertArrayEquals(new String[] {"2001:db8::/48"}, (String[]) proxy.get("excluded.cidrs"));
        assertEquals("30000-32000", proxy.get("service.node.port.range"));
        assertEquals(Boolean.TRUE, proxy.get("ipvs.permit.all"));
        assertEquals("", proxy.get("runtime.endpoint"));
        Map<String, Object> router = spec(options, "io.kuberouter.router").properties();
        assertEquals(64513L, router.get("cluster.asn"));
        assertEquals(1790, router.get("bgp.port"));
        assertEquals(2, router.get("peer.router.multihop.ttl"));
        assertEquals(5555, router.get("overlay.encap.port"));
        assertEquals(3L, router.get("bfd.detection.multiplier"));
        assertEquals(90_000L, router.get("bgp.holdtime"));
        assertArrayEquals(new String[] {"192.0.2.1", "2001:db8::1"}, (String[]) router.get("peer.router.ips"));
        assertArrayEquals(new String[] {"65001", "4200000001"}, (String[]) router.get("peer.router.asns"));
        assertArrayEquals(new String[] {"179", "1179"}, (String[]) router.get("peer.router.ports"));
        assertEquals(20244, spec(options, "io.kuberouter.health").properties().get("health.port"));
    }

    @Test
    void passesDecodedPeerPasswordsButNotTheirFile() {
        Options options = run("--peer-router-ips=192.0.2.1,192.0.2.2", "--peer-router-asns=65001,65002",
                "--peer-router-passwords=cGFzcw==,");
        Map<String, Object> router = spec(options, "io.kuberouter.router").properties();
        assertArrayEquals(new String[] {"pass", ""}, (String[]) router.get("peer.router.passwords"));
        assertFalse(router.containsKey("peer.router.passwords.file"));
    }

    @Test
    void passesTheResolvedWebConsolePassword() {
        Map<String, Object> console = spec(run("--webconsole-password=pw", "--webconsole-port=8443"),
                "io.kuberouter.webconsole").properties();
        assertEquals(Map.of("webconsole.addr", "127.0.0.1", "webconsole.port", 8443, "webconsole.user", "admin",
                "webconsole.password", "pw"), console);
    }

    @Test
    void keysAreFlagNamesWithDots() {
        Options options = run("--run-loadbalancer", "--webconsole-password=pw");
        Set<String> flagNames = FlagRegistry.all().stream().map(Flag::name).collect(Collectors.toSet());
        for (ConfigurationSpec spec : ConfigurationMapper.configurations(options)) {
            for (String key : spec.properties().keySet()) {
                assertTrue(flagNames.contains(key.replace('.', '-')), key);
            }
        }
    }

    @Test
    void returnsUnmodifiableResults() {
        Options options = run();
        List<ConfigurationSpec> configurations = ConfigurationMapper.configurations(options);
        assertThrows(UnsupportedOperationException.class, () -> configurations.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> configurations.get(0).properties().clear());
        assertThrows(UnsupportedOperationException.class, () -> ConfigurationMapper.features(options).clear());
    }

    @ParameterizedTest(name = "{0} -> nothing to run: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --run-router=false --run-firewall=false --run-service-proxy=false                     | true
            --run-router=false --run-firewall=false --run-service-proxy=false --run-loadbalancer  | true
            --run-router=false --run-firewall=false                                               | false
            --run-router=false --run-service-proxy=false                                          | false
            --run-firewall=false --run-service-proxy=false                                        | false
            --run-router=false --run-firewall=false --run-service-proxy=false --node-capabilities | false
            """)
    void knowsWhenNothingWouldRun(String arguments, boolean nothing) {
        assertEquals(nothing, ConfigurationMapper.nothingToRun(run(arguments.split(" "))));
    }

    @Test
    void withNodeCapabilitiesEveryControllerMayRunSoItsFlagsAreCheckedAndItsSecretsResolved() {
        Options options = run("--run-router=false", "--node-capabilities", "--peer-router-ips=192.0.2.1",
                "--peer-router-asns=65001", "--peer-router-passwords=cGFzcw==");
        assertTrue(ConfigurationMapper.mayRun(options, GeneralFlags.RUN_ROUTER));
        assertFalse(ConfigurationMapper.mayRun(run("--run-router=false"), GeneralFlags.RUN_ROUTER));
        assertArrayEquals(new String[] {"pass"},
                (String[]) spec(options, "io.kuberouter.router").properties().get("peer.router.passwords"));
    }

    private static ConfigurationSpec spec(Options options, String pid) {
        return ConfigurationMapper.configurations(options).stream().filter(spec -> spec.pid().equals(pid))
                .findFirst().orElseThrow(() -> new AssertionError("no configuration " + pid));
    }
}
