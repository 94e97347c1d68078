package io.kuberouter.launcher.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The help text in pflag's layout. */
class UsageTest {

    /** Three spaces after the widest name-and-type, {@code --bgp-graceful-restart-deferral-time duration}. */
    private static final int HELP_COLUMN = 54;

    private final String usage = Usage.text();
    private final List<String> lines = Arrays.asList(usage.split("\n"));

    @Test
    void startsWithUpstreamsHeaderAndHasOneLinePerFlag() {
        assertEquals("Usage of kube-router:", lines.get(0));
        assertEquals(FlagRegistry.all().size() + 1, lines.size());
        assertTrue(usage.endsWith("\n"));
    }

    @Test
    void listsEveryFlagInNameOrder() {
        for (int i = 0; i < FlagRegistry.all().size(); i++) {
            String name = FlagRegistry.all().get(i).name();
            assertTrue(lines.get(i + 1).contains("--" + name + " ") || lines.get(i + 1).endsWith("--" + name),
                    name);
        }
    }

    @Test
    void alignsEveryHelpTextInOneColumn() {
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(' ', line.charAt(HELP_COLUMN - 1), line);
            assertTrue(line.charAt(HELP_COLUMN) != ' ', line);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `      --ipvs-sync-period duration`     | The delay between ipvs config synchronizations (e.g. '5s', '1m', '2h22m'). Must be greater than 0. (default 5m0s)
            `  -v, --v string`                      | log level for V logs (default "0")
            `  -h, --help`                          | Print usage information.
            `  -V, --version`                       | Print version information.
            `      --run-router`                    | Enables Pod Networking -- Advertises and learns the routes to Pods via iBGP. (default true)
            `      --run-loadbalancer`              | Enable loadbalancer address allocator
            `      --metrics-path string`           | Prometheus metrics path (default "/metrics")
            `      --metrics-port uint16`           | Prometheus metrics port, (Default 0, Disabled)
            `      --cluster-asn uint`              | ASN number under which cluster nodes will run iBGP.
            `      --bgp-port uint32`               | The port open for incoming BGP connections and to use for connecting with other BGP peers. (default 179)
            `      --peer-router-ips ipSlice`       | The ip address of the external router to which all nodes will peer and advertise the cluster ip and pod cidr's. (default [])
            `      --peer-router-asns uints`        | ASN numbers of the BGP peer to which cluster nodes will advertise cluster ip and node's pod cidr. (default [])
            `      --excluded-cidrs strings`        | Excluded CIDRs are used to exclude IPVS rules from deletion.
            `      --service-cluster-ip-range strings` | CIDR values from which service cluster IPs are assigned (can be specified up to 2 times) (default [10.96.0.0/12])
            `      --service-node-port-range string` | NodePort range specified with either a hyphen or colon (default "30000-32767")
            `      --service-tcp-timeout duration`  | Specify TCP timeout for IPVS services in standard duration syntax (e.g. '5s', '1m'), default 0s preserves default system value (default: 0s)
            `      --bgp-graceful-restart-deferral-time duration` | BGP Graceful restart deferral time according to RFC4724 4.1, maximum 18h. (default 6m0s)
            `      --webconsole-password string`    | [kube-router-jvm extension] Password for the Felix Web Console. The Web Console is installed only when a password is set (here or in --webconsole-password-file); there are no default credentials.
            `      --state-dir string`              | [kube-router-jvm extension] Directory for kube-router-jvm's state: the OSGi framework cache. (default "/var/lib/kube-router-jvm")
            `      --node-capabilities`             | [kube-router-jvm extension] Also run the capability features (proxy, dsr, hairpin, firewall, router, bgp, lballoc) that the Node's kube-router.io/capabilities annotation lists, comma-separated, and follow it live. The agent then starts even when no --run-* flag is on.
            """)
    void printsFlagsLikePflag(String head, String description) {
        String expected = head + " ".repeat(HELP_COLUMN - head.length()) + description;
        assertTrue(lines.contains(expected), () -> "missing line:\n" + expected);
    }

    @Test
    void isWhatHelpReturns() {
        assertEquals(new Outcome.Help(usage), CommandLine.parse(List.of("--help")));
    }
}
