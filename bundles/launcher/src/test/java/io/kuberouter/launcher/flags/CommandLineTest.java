package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.CommandLines.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which outcome a command line gets, in upstream's order of decisions. */
class CommandLineTest {

    @ParameterizedTest(name = "{0} -> {1} (exit {2})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            --bogus                 | unknown flag: --bogus                                                                    | 2
            --ipvs-sync-period=abc  | invalid argument "abc" for "--ipvs-sync-period" flag: time: invalid duration "abc"     | 2
            kube-router             | unexpected argument "kube-router": kube-router takes flags only (see --help)           | 2
            --v=abc                 | failed to set flag: strconv.ParseInt: parsing "abc": invalid syntax                    | 1
            -vx                     | failed to set flag: strconv.ParseInt: parsing "x": invalid syntax                      | 1
            """)
    void refusesWithOneLine(String argument, String message, int exitStatus) {
        Outcome.Invalid refused = invalid(argument);
        assertEquals(message, refused.message());
        assertEquals(exitStatus, refused.exitStatus());
    }

    @Test
    void helpWinsOverVersionAndPositionalArguments() {
        assertInstanceOf(Outcome.Help.class, CommandLine.parse(List.of("--version", "--help", "extra")));
        assertInstanceOf(Outcome.Version.class, CommandLine.parse(List.of("-V", "extra")));
    }

    @Test
    void verbosityIsCheckedBeforeHelpAsKlogDoes() {
        assertEquals("failed to set flag: strconv.ParseInt: parsing \"high\": invalid syntax",
                invalid("--help", "-v", "high").message());
    }

    @Test
    void parseErrorsComeBeforeEverythingElse() {
        assertEquals("unknown flag: --bogus", invalid("--v=abc", "--help", "--bogus").message());
    }

    @Test
    void runsWithTheOptions() {
        Outcome outcome = CommandLine.parse(List.of("--run-loadbalancer", "-v", "2"));
        Options options = assertInstanceOf(Outcome.Run.class, outcome).options();
        assertEquals(true, options.get(GeneralFlags.RUN_LOADBALANCER));
        assertEquals("2", options.get(GeneralFlags.VERBOSITY));
    }

    @Test
    void neverReturnsAMultiLineMessage() {
        String message = invalid("--webconsole-password-file=/no\nsuch").message();
        assertFalse(message.contains("\n"), message);
        assertEquals("failed to read --webconsole-password-file: open /no such: no such file or directory", message);
    }

    @Test
    void neverShowsSecretsInOptionsText() {
        Options options = CommandLines.run("--webconsole-password=hunter2");
        assertFalse(options.toString().contains("hunter2"), options.toString());
    }

    @Test
    void knowsUpstreamsRefusalTexts() {
        assertEquals("kube-router needs to be run with privileges to execute iptables, ipset and configure ipvs",
                CommandLine.NOT_ROOT_MESSAGE);
        assertEquals("Router, Firewall or Service proxy functionality must be specified. Exiting!",
                ConfigurationMapper.NOTHING_TO_RUN_MESSAGE);
    }
}
