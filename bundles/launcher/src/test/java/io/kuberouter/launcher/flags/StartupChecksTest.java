package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.CommandLines.error;
import static io.kuberouter.launcher.flags.CommandLines.invalid;
import static io.kuberouter.launcher.flags.CommandLines.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks kube-router makes after parsing and before starting controllers, with upstream's messages. */
class StartupChecksTest {

    private static final String PEER = "--peer-router-ips=192.0.2.1";
    private static final String TWO_PEERS = "--peer-router-ips=192.0.2.1,192.0.2.2";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --cache-sync-timeout=0s                                | --cache-sync-timeout must be greater than 0, got 0s
            --bgp-graceful-restart-time=4096s                      | BGPGracefulRestartTime should be less than 4095 seconds
            --bgp-graceful-restart-time=0s                         | BGPGracefulRestartTime must be positive
            --bgp-graceful-restart-time=-1s                        | BGPGracefulRestartTime must be positive
            --bgp-graceful-restart-deferral-time=18h0m1s           | BGPGracefulRestartDeferralTime should be less than 18 hours
            --bgp-graceful-restart-deferral-time=0                 | BGPGracefulRestartDeferralTime must be positive
            """)
    void checksTimersFirst(String argument, String message) {
        Outcome.Invalid refused = invalid("--bgp-graceful-restart", argument);
        assertEquals(message, refused.message());
        assertEquals(1, refused.exitStatus());
    }

    @Test
    void checksGracefulRestartTimersOnlyWhenGracefulRestartIsOn() {
        run("--bgp-graceful-restart-time=5000s", "--bgp-graceful-restart-deferral-time=0s");
        run("--bgp-graceful-restart", "--bgp-graceful-restart-time=4095s", "--bgp-graceful-restart-deferral-time=18h");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --bgp-holdtime=2s           | this is an incorrect BGP holdtime range, holdtime must be in the range 3s to 18h12m16s
            --bgp-holdtime=18h12m17s    | this is an incorrect BGP holdtime range, holdtime must be in the range 3s to 18h12m16s
            --cluster-asn=100           | invalid ASN number for cluster ASN
            --cluster-asn=64511         | invalid ASN number for cluster ASN
            --cluster-asn=65536         | invalid ASN number for cluster ASN
            --cluster-asn=4199999999    | invalid ASN number for cluster ASN
            --cluster-asn=4294967295    | invalid ASN number for cluster ASN
            --cluster-asn=18446744073709551615 | invalid ASN number for cluster ASN
            --overlay-encap=vxlan       | unknown --overlay-encap option 'vxlan' selected, unable to continue
            --overlay-encap-port=1023   | unknown --overlay-encap-port option '1023' selected, unable to continue, err: specified encap port is out of range of valid ports: 1023, valid range is from 1024 to 65535
            --overlay-type=mesh         | unknown --overlay-type option 'mesh' selected, valid options are "subnet" and "full"
            --routes-sync-period=0s     | --routes-sync-period must be greater than 0, got 0s
            --injected-routes-sync-period=-1m | --injected-routes-sync-period must be greater than 0, got -1m0s
            """)
    void checksTheRouterSettingsWhenTheRouterRuns(String argument, String message) {
        assertEquals(message, error(argument));
        run(argument, "--run-router=false");
    }

    @ParameterizedTest(name = "cluster ASN {0} accepted")
    @ValueSource(strings = {"0", "64512", "65000", "65535", "4200000000", "4294967294"})
    void acceptsPrivateClusterAsns(String asn) {
        assertEquals(Long.parseLong(asn), run("--cluster-asn=" + asn).get(BgpFlags.CLUSTER_ASN));
    }

    @ParameterizedTest(name = "{0} accepted")
    @ValueSource(strings = {"--bgp-holdtime=3s", "--bgp-holdtime=18h12m16s", "--overlay-encap-port=1024",
            "--overlay-type=full"})
    void acceptsRouterSettingsAtTheLimits(String argument) {
        run(argument);
    }

    @Test
    void refusesFouWhileTheOverlayIsOn() {
        assertEquals("--overlay-encap=fou is not supported by kube-router-jvm: its tunnels are ipip only, which "
                + "nodes using fou (GUE) cannot decapsulate; use --overlay-encap=ipip on every node, or "
                + "--enable-overlay=false", error("--overlay-encap=fou"));
        run("--overlay-encap=fou", "--enable-overlay=false");
        run("--overlay-encap=fou", "--run-router=false");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --peer-router-passwords=cGFzcw==,cGFzcw==              | `invalid peer router config. The number of passwords should either be zero, or one per peer router. Use blank items if a router doesn't expect a password. Example: "pass,,pass" OR ["pass","","pass"]`
            --peer-router-ports=179,179                            | `invalid peer router config. The number of ports should either be zero, or one per peer router. If blank items are used, it will default to standard BGP port, 179.`
            --peer-router-ports=70000                              | `invalid peer router config, port 70000 is out of range 0-65535`
            --peer-router-passwords=abc                            | `failed to parse CLI Peer Passwords flag: could not parse item 1 as a base64 encoded string (value not shown)`
            --peer-router-passwords=!!!!                           | `failed to parse CLI Peer Passwords flag: could not parse item 1 as a base64 encoded string (value not shown)`
            """)
    void checksTheGlobalPeers(String argument, String message) {
        assertEquals(message, error(PEER, "--peer-router-asns=65001", argument));
    }

    @Test
    void requiresOneAsnPerPeer() {
        String message = "invalid peer router config, the number of IPs and ASN numbers must be equal";
        assertEquals(message, error(PEER));
        assertEquals(message, error(PEER, "--peer-router-asns=65001,65002"));
        assertEquals(message, error("--peer-router-asns=65001"));
    }

    @ParameterizedTest(name = "peer ASN {0} is reserved")
    @ValueSource(strings = {"0", "23456", "64000", "64511", "65535", "65536", "131071", "4294967295", "4294967296"})
    void refusesReservedPeerAsns(String asn) {
        assertEquals("reserved ASN number \"" + asn + "\" for global BGP peer", error(PEER, "--peer-router-asns=" + asn));
    }

    @ParameterizedTest(name = "peer ASN {0} accepted")
    @ValueSource(strings = {"1", "23455", "23457", "63999", "64512", "65534", "131072", "4199999999", "4294967294"})
    void acceptsPublicAndPrivatePeerAsns(String asn) {
        run(PEER, "--peer-router-asns=" + asn);
    }

    @Test
    void decodesPeerPasswordsKeepingBlankOnes() {
        Options options = run(TWO_PEERS, "--peer-router-asns=65001,65002", "--peer-router-passwords=cGFzcw==,");
        assertEquals(List.of("pass", ""), options.peerRouterPasswords());
    }

    @Test
    void readsPeerPasswordsFromTheFileUnlessTheFlagIsSet(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("passwords"), "c2VjcmV0,\n");
        String fileFlag = "--peer-router-passwords-file=" + file;
        assertEquals(List.of("secret", ""),
                run(TWO_PEERS, "--peer-router-asns=65001,65002", fileFlag).peerRouterPasswords());
        assertEquals(List.of("pass", "word"), run(TWO_PEERS, "--peer-router-asns=65001,65002", fileFlag,
                "--peer-router-passwords=cGFzcw==,d29yZA==").peerRouterPasswords());
    }

    @Test
    void refusesUnreadableOrMalformedPasswordFiles(@TempDir Path directory) throws IOException {
        Path missing = directory.resolve("missing");
        assertEquals("error loading Peer Passwords File : open " + missing + ": no such file or directory",
                error(PEER, "--peer-router-asns=65001", "--peer-router-passwords-file=" + missing));
        assertEquals("error loading Peer Passwords File : read " + directory + ": is a directory",
                error(PEER, "--peer-router-asns=65001", "--peer-router-passwords-file=" + directory));
        Path malformed = Files.writeString(directory.resolve("malformed"), "plain text\n");
        assertEquals("failed to decode CLI Peer Passwords file: could not parse item 1 as a base64 encoded string "
                + "(value not shown)", error(PEER, "--peer-router-asns=65001", "--peer-router-passwords-file=" + malformed));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --bfd-port=0                          | bfd port must be between 1 and 65535, got 0
            --bfd-detection-multiplier=0          | bfd detection multiplier must be between 1 and 255, got 0
            --bfd-detection-multiplier=256        | bfd detection multiplier must be between 1 and 255, got 256
            --bfd-desired-min-tx-interval=0       | bfd desired min tx interval must be between 1 and 4294967 milliseconds, got 0
            --bfd-required-min-rx-interval=4294968 | bfd required min rx interval must be between 1 and 4294967 milliseconds, got 4294968
            """)
    void checksBfdSettingsWhenBfdIsOn(String argument, String message) {
        assertEquals(message, error("--enable-bfd", argument));
        run(argument);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --ipvs-sync-period=0s       | --run-service-proxy=false | --ipvs-sync-period must be greater than 0, got 0s
            --ipvs-graceful-period=-1s  | --run-service-proxy=false | --ipvs-graceful-period must be greater than 0, got -1s
            --iptables-sync-period=0    | --run-firewall=false      | --iptables-sync-period must be greater than 0, got 0s
            """)
    void checksSyncPeriodsOfTheControllersThatRun(String argument, String disabling, String message) {
        assertEquals(message, error(argument));
        run(argument, disabling);
        assertEquals(message, error(argument, disabling, "--node-capabilities"), "the Node may enable it later");
    }

    @Test
    void checksTheAllocatorPeriodOnlyWhenTheAllocatorMayRun() {
        run("--loadbalancer-sync-period=0s");
        assertEquals("--loadbalancer-sync-period must be greater than 0, got 0s",
                error("--loadbalancer-sync-period=0s", "--run-loadbalancer"));
        assertEquals("--loadbalancer-sync-period must be greater than 0, got 0s",
                error("--loadbalancer-sync-period=0s", "--node-capabilities"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --service-external-ip-range=2001:db8::/64                | IPv6 CIDR 2001:db8::/64 specified in --service-external-ip-range while IPv6 is disabled
            --loadbalancer-ip-range=2001:db8::/64                    | IPv6 CIDR 2001:db8::/64 specified in --loadbalancer-ip-range while IPv6 is disabled
            --service-cluster-ip-range=fd00::/108                    | IPv6 CIDR fd00::/108 specified in --service-cluster-ip-range while IPv6 is disabled
            --service-cluster-ip-range=                              | failed to parse --service-cluster-ip-range parameter: the list is empty
            --service-cluster-ip-range=10.96.0.0/12,10.97.0.0/16     | too many CIDRs provided in --service-cluster-ip-range parameter: dual-stack must be enabled to provide two addresses
            --service-cluster-ip-range=10.0.0.0/16,10.1.0.0/16,10.2.0.0/16 | too many CIDRs provided in --service-cluster-ip-range parameter, only two addresses are allowed at once for dual-stack
            """)
    void checksServiceRangesAgainstTheEnabledFamilies(String argument, String message) {
        assertEquals(message, error(argument));
    }

    @Test
    void checksServiceRangesForEachFamily() {
        assertEquals("IPv4 CIDR 10.96.0.0/12 specified in --service-cluster-ip-range while IPv4 is disabled",
                error("--enable-ipv4=false", "--enable-ipv6"));
        assertEquals("failed to get parse --service-cluster-ip-range parameter: dual-stack is enabled, both IPv4 and "
                + "IPv6 addresses should be provided",
                error("--enable-ipv6", "--service-cluster-ip-range=10.96.0.0/12,10.97.0.0/16"));
        run("--enable-ipv4=false", "--enable-ipv6", "--service-cluster-ip-range=fd00::/108");
        run("--enable-ipv6", "--service-cluster-ip-range=fd00::/108,10.96.0.0/12",
                "--service-external-ip-range=2001:db8::/64,198.51.100.0/24");
    }

    @Test
    void skipsTheChecksWhenNothingWouldStart() {
        String[] broken = {"--cluster-asn=1", "--service-cluster-ip-range=", "--bgp-graceful-restart",
                "--bgp-graceful-restart-time=0s", "--peer-router-passwords=%%%", "--webconsole-password-file=/nonexistent"};
        run(append(broken, "--cleanup-config"));
        run(append(broken, "--run-router=false", "--run-firewall=false", "--run-service-proxy=false"));
        assertEquals("BGPGracefulRestartTime must be positive", error(broken));
        assertEquals("BGPGracefulRestartTime must be positive",
                error(append(broken, "--run-router=false", "--run-firewall=false", "--run-service-proxy=false",
                        "--node-capabilities")));
    }

    @Test
    void readsTheWebConsolePasswordFileWithoutItsLineBreak(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("console"), "s3cret\n");
        assertEquals("s3cret", run("--webconsole-password-file=" + file).webConsolePassword());
        assertEquals("direct", run("--webconsole-password-file=" + file, "--webconsole-password=direct")
                .webConsolePassword());
        assertEquals("", run().webConsolePassword());
        assertEquals("failed to read --webconsole-password-file: open " + directory.resolve("nope")
                + ": no such file or directory", error("--webconsole-password-file=" + directory.resolve("nope")));
    }

    private static String[] append(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
