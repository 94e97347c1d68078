package io.kuberouter.dsr.kernel;

import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.dsr.model.DsrFrontend;
import io.kuberouter.dsr.model.DsrMarks;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of DSR's rules in the mangle table (behaviour inventory §3.6), in {@code iptables-save} form:
 * <ul>
 *   <li>mark, in PREROUTING and OUTPUT: {@code -d VIP/32 -p P -m P --dport PORT -j MARK --set-xmark
 *       0xMARK/0xffffffff};</li>
 *   <li>MSS clamp, in PREROUTING, TCP only: {@code -s VIP/32 -i kube-bridge -p tcp -m tcp --sport PORT
 *       --tcp-flags SYN,RST SYN -j TCPMSS --set-mss MSS}: the pod's SYN-ACK advertises an MSS that leaves room
 *       for the outer IP header the director adds to the client's segments (node MTU - 60, IPv6 - 100).</li>
 * </ul>
 * DSR owns a rule of exactly one of these shapes (mark in 1..0x3FFF); any other rule is never touched.
 *
 * @param chain PREROUTING or OUTPUT
 * @param value the mark, or the MSS
 */
record MangleRule(String chain, Kind kind, String vip, String protocol, int port, int value) {

    static final String BRIDGE = "kube-bridge";

    enum Kind { MARK, MSS }

    static List<MangleRule> of(DsrFrontend frontend, int mss) {
        String protocol = frontend.protocol().name().toLowerCase(Locale.ROOT);
        MangleRule pre = new MangleRule("PREROUTING", Kind.MARK, frontend.vip(), protocol, frontend.port(),
                frontend.fwmark());
        MangleRule out = new MangleRule("OUTPUT", Kind.MARK, frontend.vip(), protocol, frontend.port(),
                frontend.fwmark());
        if (frontend.protocol() != Protocol.TCP) {
            return List.of(pre, out);
        }
        return List.of(pre, out,
                new MangleRule("PREROUTING", Kind.MSS, frontend.vip(), protocol, frontend.port(), mss));
    }

    /** The rule's arguments as iptables-save prints them. */
    RuleSpec spec() {
        String host = IpPrefix.host(IpPrefix.address(vip)).toString();
        return switch (kind) {
            case MARK -> new RuleSpec(List.of("-d", host, "-p", protocol, "-m", protocol, "--dport",
                    Integer.toString(port), "-j", "MARK", "--set-xmark",
                    "0x" + Integer.toHexString(value) + "/0xffffffff"));
            case MSS -> new RuleSpec(List.of("-s", host, "-i", BRIDGE, "-p", "tcp", "-m", "tcp", "--sport",
                    Integer.toString(port), "--tcp-flags", "SYN,RST", "SYN", "-j", "TCPMSS", "--set-mss",
                    Integer.toString(value)));
        };
    }

    /** The DSR rule {@code spec} of {@code chain} is, or empty when DSR does not own it. */
    static Optional<MangleRule> parse(String chain, RuleSpec spec) {
        List<String> a = spec.args();
        try {
            if (a.size() == 12 && a.get(0).equals("-d") && a.get(2).equals("-p") && a.get(4).equals("-m")
                    && a.get(6).equals("--dport") && a.get(8).equals("-j") && a.get(9).equals("MARK")
                    && a.get(10).equals("--set-xmark") && a.get(11).endsWith("/0xffffffff")
                    && (chain.equals("PREROUTING") || chain.equals("OUTPUT"))) {
                int mark = Integer.parseInt(a.get(11).substring(2, a.get(11).indexOf('/')), 16);
                if (mark < 1 || mark > DsrMarks.MAX_MARK || !a.get(1).endsWith(hostLength(a.get(1)))) {
                    return Optional.empty();
                }
                return Optional.of(new MangleRule(chain, Kind.MARK, address(a.get(1)), a.get(3),
                        Integer.parseInt(a.get(7)), mark));
            }
            if (a.size() == 17 && a.get(0).equals("-s") && a.get(2).equals("-i") && a.get(3).equals(BRIDGE)
                    && a.get(4).equals("-p") && a.get(5).equals("tcp") && a.get(8).equals("--sport")
                    && a.get(10).equals("--tcp-flags") && a.get(11).equals("SYN,RST") && a.get(12).equals("SYN")
                    && a.get(14).equals("TCPMSS") && a.get(15).equals("--set-mss") && chain.equals("PREROUTING")
                    && a.get(1).endsWith(hostLength(a.get(1)))) {
                return Optional.of(new MangleRule(chain, Kind.MSS, address(a.get(1)), "tcp",
                        Integer.parseInt(a.get(9)), Integer.parseInt(a.get(16))));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String hostLength(String prefix) {
        return prefix.contains(":") ? "/128" : "/32";
    }

    private static String address(String prefix) {
        return IpPrefix.text(IpPrefix.parse(prefix).address());
    }
}
