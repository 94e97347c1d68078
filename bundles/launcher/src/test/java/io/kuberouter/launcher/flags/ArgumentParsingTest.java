package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.CommandLines.error;
import static io.kuberouter.launcher.flags.CommandLines.invalid;
import static io.kuberouter.launcher.flags.CommandLines.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pflag's argument forms and error messages. */
class ArgumentParsingTest {

    @Test
    void readsLongFlagsWithEqualsOrSeparateValue() {
        assertEquals("https://api:6443", run("--master=https://api:6443").get(GeneralFlags.MASTER));
        assertEquals("https://api:6443", run("--master", "https://api:6443").get(GeneralFlags.MASTER));
        assertEquals("", run("--master=").get(GeneralFlags.MASTER));
        assertEquals("a=b", run("--hostname-override=a=b").get(GeneralFlags.HOSTNAME_OVERRIDE));
    }

    @Test
    void takesTheNextArgumentAsValueEvenWhenItLooksLikeAFlag() {
        Options options = run("--hostname-override", "--master");
        assertEquals("--master", options.get(GeneralFlags.HOSTNAME_OVERRIDE));
        assertFalse(options.isSet(GeneralFlags.MASTER));
    }

    @ParameterizedTest(name = "{0} -> run-router={1}")
    @CsvSource({"--run-router, true", "--run-router=true, true", "--run-router=false, false", "--run-router=0, false",
            "--run-router=T, true", "--run-router=FALSE, false"})
    void readsBoolFlags(String argument, boolean expected) {
        assertEquals(expected, run(argument, "--run-firewall").get(GeneralFlags.RUN_ROUTER));
    }

    @Test
    void boolFlagsNeverTakeTheNextArgument() {
        assertEquals("unexpected argument \"false\": kube-router takes flags only (see --help)",
                error("--run-router", "false"));
    }

    @Test
    void readsShorthandForms() {
        assertEquals("3", run("-v", "3").get(GeneralFlags.VERBOSITY));
        assertEquals("3", run("-v=3").get(GeneralFlags.VERBOSITY));
        assertEquals("3", run("-v3").get(GeneralFlags.VERBOSITY));
        assertEquals("5", run("--v=5").get(GeneralFlags.VERBOSITY));
        assertEquals("5", run("--v", "5").get(GeneralFlags.VERBOSITY));
        assertTrue(CommandLine.parse(List.of("-V")) instanceof Outcome.Version);
        assertTrue(CommandLine.parse(List.of("-h")) instanceof Outcome.Help);
        assertTrue(CommandLine.parse(List.of("-Vv3")) instanceof Outcome.Version);
        assertTrue(CommandLine.parse(List.of("-hV")) instanceof Outcome.Help);
        assertTrue(CommandLine.parse(List.of("-h=false", "-V=true")) instanceof Outcome.Version);
    }

    @Test
    void laterUsesOfAScalarWin() {
        assertEquals(Duration.ofSeconds(10), run("--ipvs-sync-period=1m", "--ipvs-sync-period", "10s")
                .get(ServiceProxyFlags.IPVS_SYNC_PERIOD));
    }

    @Test
    void sliceFlagsTakeCommaListsAndRepetitionReplacingTheDefaultFirst() {
        Options options = run("--service-cluster-ip-range=10.0.0.0/16", "--enable-ipv6",
                "--service-cluster-ip-range", "fd00::/108",
                "--peer-router-ips=1.1.1.1,2.2.2.2", "--peer-router-ips", "3.3.3.3",
                "--peer-router-asns=65001,65002", "--peer-router-asns=65003",
                "--excluded-cidrs=10.1.0.0/16,\"10.2.0.0/16\"");
        assertEquals("[10.0.0.0/16, fd00::/108]", options.get(GeneralFlags.SERVICE_CLUSTER_IP_RANGE).toString());
        assertEquals("[1.1.1.1, 2.2.2.2, 3.3.3.3]", options.get(BgpFlags.PEER_ROUTER_IPS).toString());
        assertEquals(List.of(65001L, 65002L, 65003L), options.get(BgpFlags.PEER_ROUTER_ASNS));
        assertEquals("[10.1.0.0/16, 10.2.0.0/16]", options.get(ServiceProxyFlags.EXCLUDED_CIDRS).toString());
    }

    @Test
    void anEmptySliceValueClearsTheDefault() {
        assertEquals(List.of(), run("--service-external-ip-range=").get(GeneralFlags.SERVICE_EXTERNAL_IP_RANGE));
        assertEquals(List.of(), run("--peer-router-ips=").get(BgpFlags.PEER_ROUTER_IPS));
    }

    @Test
    void ipSlicesIgnoreQuotesAndSpaces() {
        assertEquals("[1.2.3.4, 2001:db8::1]",
                run("--peer-router-ips='1.2.3.4', 2001:DB8::1", "--peer-router-asns=65001,65002")
                        .get(BgpFlags.PEER_ROUTER_IPS).toString());
    }

    @Test
    void doubleDashEndsTheFlags() {
        assertEquals("unexpected argument \"--master\": kube-router takes flags only (see --help)",
                error("--", "--master"));
        assertFalse(run("--").isSet(GeneralFlags.MASTER));
    }

    @Test
    void recordsWhichFlagsWereGiven() {
        Options options = run("--run-router=true");
        assertTrue(options.isSet(GeneralFlags.RUN_ROUTER));
        assertFalse(options.isSet(GeneralFlags.RUN_FIREWALL));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --bogus                        | unknown flag: --bogus
            --bogus=1                      | unknown flag: --bogus
            ---master                      | bad flag syntax: ---master
            --=x                           | bad flag syntax: --=x
            -x                             | unknown shorthand flag: 'x' in -x
            -Vx                            | unknown shorthand flag: 'x' in -x
            --master                       | flag needs an argument: --master
            -v                             | flag needs an argument: 'v' in -v
            --ipvs-sync-period=abc         | invalid argument "abc" for "--ipvs-sync-period" flag: time: invalid duration "abc"
            --ipvs-sync-period=5           | invalid argument "5" for "--ipvs-sync-period" flag: time: missing unit in duration "5"
            --run-router=yes               | invalid argument "yes" for "--run-router" flag: strconv.ParseBool: parsing "yes": invalid syntax
            -h=maybe                       | invalid argument "maybe" for "-h, --help" flag: strconv.ParseBool: parsing "maybe": invalid syntax
            --health-port=70000            | invalid argument "70000" for "--health-port" flag: strconv.ParseUint: parsing "70000": value out of range
            --metrics-port=-1              | invalid argument "-1" for "--metrics-port" flag: strconv.ParseUint: parsing "-1": invalid syntax
            --bgp-port=65536               | invalid argument "65536" for "--bgp-port" flag: strconv.ParseUint: parsing "65536": value out of range
            --cluster-asn=x                | invalid argument "x" for "--cluster-asn" flag: strconv.ParseUint: parsing "x": invalid syntax
            --peer-router-multihop-ttl=256 | invalid argument "256" for "--peer-router-multihop-ttl" flag: strconv.ParseUint: parsing "256": value out of range
            --peer-router-asns=65000,x     | invalid argument "65000,x" for "--peer-router-asns" flag: strconv.ParseUint: parsing "x": invalid syntax
            --peer-router-ports=           | invalid argument "" for "--peer-router-ports" flag: strconv.ParseUint: parsing "": invalid syntax
            --peer-router-ips=1.2.3.999    | invalid argument "1.2.3.999" for "--peer-router-ips" flag: invalid string being converted to IP address: 1.2.3.999
            --peer-router-ips=router.lan   | invalid argument "router.lan" for "--peer-router-ips" flag: invalid string being converted to IP address: router.lan
            --service-cluster-ip-range=10.96.0.0 | invalid argument "10.96.0.0" for "--service-cluster-ip-range" flag: invalid CIDR address: 10.96.0.0
            --service-external-ip-range=1.2.3.0/33 | invalid argument "1.2.3.0/33" for "--service-external-ip-range" flag: invalid CIDR address: 1.2.3.0/33
            --loadbalancer-ip-range=x      | invalid argument "x" for "--loadbalancer-ip-range" flag: invalid CIDR address: x
            --excluded-cidrs=10.0.0.0/8,   | `invalid argument "10.0.0.0/8," for "--excluded-cidrs" flag: invalid CIDR address: `
            --service-node-port-range=1000 | invalid argument "1000" for "--service-node-port-range" flag: failed to parse node port range given: '1000' please see specification in help text
            --service-proxy-backend=iptables | invalid argument "iptables" for "--service-proxy-backend" flag: invalid service proxy backend "iptables": expected one of auto, ipvs, nftables
            --peer-router-passwords=a"b    | invalid argument "a\\"b" for "--peer-router-passwords" flag: parse error on line 1, column 2: bare " in non-quoted-field
            """)
    void refusesWithPflagsOneLineMessage(String argument, String message) {
        Outcome.Invalid refused = invalid(argument);
        assertEquals(message, refused.message());
        assertEquals(2, refused.exitStatus());
    }

    @Test
    void quotesControlCharactersInTheEchoedValueAsGoDoes() {
        assertEquals("invalid argument \"a\\nb\" for \"--ipvs-sync-period\" flag: time: invalid duration \"a\\x0ab\"",
                error("--ipvs-sync-period=a\nb"));
    }

    @Test
    void stopsAtTheFirstError() {
        assertEquals("unknown flag: --first", error("--first", "--second"));
        assertEquals("unknown flag: --bogus", error("--help", "--bogus"));
    }
}
