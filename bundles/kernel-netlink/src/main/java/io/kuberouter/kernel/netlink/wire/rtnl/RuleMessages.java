package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.rtnl.Rtnl.*;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Families;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * {@code RTM_*RULE} requests and replies: {@code struct fib_rule_hdr} then FRA_SRC, FRA_DST, FRA_FWMARK,
 * FRA_FWMASK (only for a partial mask; the kernel defaults it to all ones), FRA_PRIORITY and FRA_TABLE
 * (tables above 255), in iproute2's order. Not thread-safe.
 */
public final class RuleMessages {

    /** Selectors and actions a {@link Rule} cannot express; rules carrying them are not listed. */
    private static final List<Integer> UNMODELLED = List.of(FRA_IIFNAME, FRA_OIFNAME, FRA_GOTO, FRA_TUN_ID,
            FRA_L3MDEV, FRA_UID_RANGE, FRA_IP_PROTO, FRA_SPORT_RANGE, FRA_DPORT_RANGE);
    /** Reported on every rule, -1 meaning unset. */
    private static final List<Integer> SUPPRESSORS = List.of(FRA_SUPPRESS_IFGROUP, FRA_SUPPRESS_PREFIXLEN);

    private final MessageWriter w = new MessageWriter();

    /** Adds a "lookup table" rule; EEXIST if an identical one exists. */
    public Request newRule(Rule rule) {
        w.begin(RTM_NEWRULE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
        body(rule, FR_ACT_TO_TBL);
        return new Request(w.finish(), "RTM_NEWRULE", describe(rule));
    }

    /** Deletes the identical rule (action left unspecified, as iproute2 does); ENOENT if none. */
    public Request delRule(Rule rule) {
        w.begin(RTM_DELRULE, Netlink.NLM_F_REQUEST);
        body(rule, 0);
        return new Request(w.finish(), "RTM_DELRULE", describe(rule));
    }

    public Request dumpRules(AddressFamily family) {
        w.begin(RTM_GETRULE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP).putU8(family.number())
                .putZeros(FIB_RULE_HDR_LENGTH - 1);
        return new Request(w.finish(), "RTM_GETRULE", family.toString());
    }

    /** The rule of one {@code RTM_NEWRULE} reply; empty unless it is a plain "lookup table" rule. */
    public static Optional<Rule> rule(Message message) {
        ByteBuffer p = message.payload();
        Attributes a = Attributes.parse(message.payloadFrom(FIB_RULE_HDR_LENGTH));
        int table = a.u32(FRA_TABLE, p.get(4) & 0xff);
        int priority = a.u32(FRA_PRIORITY, 0);
        if (!Families.isInet(p.get(0) & 0xff) || p.get(3) != 0 || (p.get(7) & 0xff) != FR_ACT_TO_TBL || table == 0
                || priority < 0 || priority > 32767 || UNMODELLED.stream().anyMatch(a::has)
                || SUPPRESSORS.stream().anyMatch(t -> a.u32(t, -1) != -1)) {
            return Optional.empty();
        }
        AddressFamily family = Families.of(p.get(0) & 0xff);
        int fwmark = a.u32(FRA_FWMARK, 0);
        int fwmask = a.u32(FRA_FWMASK, fwmark == 0 ? 0 : -1);
        return Optional.of(new Rule(family, priority, fwmark, fwmark == 0 && fwmask == 0 ? 0 : fwmask,
                prefix(a, FRA_SRC, p.get(2) & 0xff, family), prefix(a, FRA_DST, p.get(1) & 0xff, family), table));
    }

    private void body(Rule rule, int action) {
        int table = rule.table() > MAX_HEADER_TABLE ? 0 : rule.table();
        w.putU8(rule.family().number()).putU8(rule.dst().map(IpPrefix::length).orElse(0))
                .putU8(rule.src().map(IpPrefix::length).orElse(0)).putU8(0).putU8(table).putU8(0).putU8(0)
                .putU8(action).putU32(0);
        rule.src().ifPresent(s -> w.address(FRA_SRC, s.address()));
        rule.dst().ifPresent(d -> w.address(FRA_DST, d.address()));
        if (rule.fwmask() != 0) {
            w.u32(FRA_FWMARK, rule.fwmark());
            if (rule.fwmask() != -1) {
                w.u32(FRA_FWMASK, rule.fwmask());
            }
        }
        w.u32(FRA_PRIORITY, rule.priority());
        if (rule.table() > MAX_HEADER_TABLE) {
            w.u32(FRA_TABLE, rule.table());
        }
    }

    private static Optional<IpPrefix> prefix(Attributes a, int type, int length, AddressFamily family) {
        return a.has(type) ? Optional.of(new IpPrefix(a.address(type, family.bits() / 8), length)) : Optional.empty();
    }

    private static String describe(Rule rule) {
        return "priority " + rule.priority() + " lookup " + rule.table();
    }
}
