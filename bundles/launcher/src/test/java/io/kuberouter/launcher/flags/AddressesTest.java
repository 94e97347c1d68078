package io.kuberouter.launcher.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IP literals, CIDRs and the NodePort range: Go's parsing rules and canonical texts. */
class AddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            1.2.3.4,                  1.2.3.4,        true
            0.0.0.0,                  0.0.0.0,        true
            255.255.255.255,          255.255.255.255, true
            ::,                       ::,             false
            ::1,                      ::1,            false
            2001:DB8::1,              2001:db8::1,    false
            2001:db8:0:0:1:0:0:1,     2001:db8::1:0:0:1, false
            2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1, false
            1:0:0:2:0:0:0:3,          1:0:0:2::3,     false
            fe80:0:0:0:0:0:0:0,       fe80::,         false
            1:2:3:4:5:6:7:8,          1:2:3:4:5:6:7:8, false
            1:0:2:3:4:5:6:7,          1:0:2:3:4:5:6:7, false
            ::ffff:1.2.3.4,           1.2.3.4,        true
            ::1.2.3.4,                ::102:304,      false
            """)
    void parsesIpLiteralsLikeGo(String text, String canonical, boolean ipv4) {
        IpAddress address = IpAddress.parse(text).orElseThrow();
        assertEquals(canonical, address.toString());
        assertEquals(ipv4, address.isIpv4());
    }

    @ParameterizedTest(name = "{0} is not an IP")
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4", "1.2.3.04", "1..3.4", " 1.2.3.4",
            "a.b.c.d", "localhost", ":::", "1:::2", "1::2::3", "12345::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7::8", "::1%eth0", "1.2.3.4::", "::1.2.3", ":1::", "1::2:", "g::1"})
    void refusesWhatGoRefuses(String text) {
        assertTrue(IpAddress.parse(text).isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            10.96.0.0/12,        10.96.0.0/12,  true
            10.96.1.5/12,        10.96.0.0/12,  true
            10.0.0.1/32,         10.0.0.1/32,   true
            0.0.0.0/0,           0.0.0.0/0,     true
            192.168.1.1/024,     192.168.1.0/24, true
            fd00::1/108,         fd00::/108,    false
            2001:DB8:0:0:1::/64, 2001:db8::/64, false
            ::/0,                ::/0,          false
            """)
    void readsCidrsLikeGoAndMasksThem(String text, String canonical, boolean ipv4) {
        Cidr cidr = Cidr.parse(text);
        assertEquals(canonical, cidr.toString());
        assertEquals(ipv4, cidr.isIpv4());
    }

    @ParameterizedTest(name = "{0} is not a CIDR")
    @ValueSource(strings = {"", "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "fd00::/129", "10.0.0.0/-1", "10.0.0.0/+8",
            "10.0.0/8", "10.0.0.0/8/8", "fe80::1%eth0/64", "10.0.0.0/ 8"})
    void refusesMalformedCidrsWithGosMessage(String text) {
        assertEquals("invalid CIDR address: " + text,
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text)).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"30000-32767, 30000-32767", "30000:32767, 30000-32767", "0080-0443, 80-443", "0-65535, 0-65535"})
    void readsNodePortRangesWithHyphenOrColon(String text, String canonical) {
        assertEquals(canonical, PortRange.parse(text).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            abc          | failed to parse node port range given: 'abc' please see specification in help text
            30000        | failed to parse node port range given: '30000' please see specification in help text
            1-2-3        | failed to parse node port range given: '1-2-3' please see specification in help text
            -1-5         | failed to parse node port range given: '-1-5' please see specification in help text
            70000-70001  | could not parse first port number from range given: '70000-70001'
            1-70000      | could not parse second port number from range given: '1-70000'
            32767-30000  | port 1 is greater than or equal to port 2 in range given: '32767-30000'
            30000:30000  | port 1 is greater than or equal to port 2 in range given: '30000:30000'
            """)
    void refusesNodePortRangesWithUpstreamMessages(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> PortRange.parse(text)).getMessage());
    }
}
