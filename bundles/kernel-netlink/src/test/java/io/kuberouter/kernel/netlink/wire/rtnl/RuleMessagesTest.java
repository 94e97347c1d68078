package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.Capture.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.netlink.wire.Ack;
import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Policy rules against iproute2 (vectors/rtnl). */
class RuleMessagesTest {

    private final RuleMessages rules = new RuleMessages();
    private final Rule from = Rule.from(IpPrefix.parse("10.77.0.0/24"), 1077, 77);
    private final Rule fwmark = Rule.fwmark(AddressFamily.INET, 1078, 0x1f3, 78);

    /**
     * {@code ip rule add from 10.77.0.0/24 table 77 priority 1077}:
     * <pre>
     * 2c 00 00 00  20 00  05 06       len 44, RTM_NEWRULE, REQUEST|ACK|EXCL|CREATE
     * 02 00 18 00  4d 00 00 01        fib_rule_hdr: AF_INET, dst /0, src /24, tos 0, table 77,
     * 00 00 00 00                                   res, res, action FR_ACT_TO_TBL; flags 0
     * 08 00 02 00  0a 4d 00 00        FRA_SRC 10.77.0.0
     * 08 00 06 00  35 04 00 00        FRA_PRIORITY 1077
     * </pre>
     * The delete leaves the action 0 (any).
     */
    @Test
    void addAndDelete() {
        assertSameMessage(Capture.load("rtnl/rule-add").sent(32), rules.newRule(from).bytes(), Netlink.NLM_F_ACK);
        assertSameMessage(Capture.load("rtnl/rule-del").sent(33), rules.delRule(from).bytes(), Netlink.NLM_F_ACK);
    }

    /** {@code fwmark 0x1f3}: a full mask is the kernel default, so FRA_FWMASK is left out. */
    @Test
    void fwmarkRule() {
        assertSameMessage(Capture.load("rtnl/rule-add-fwmark").sent(32), rules.newRule(fwmark).bytes(),
                Netlink.NLM_F_ACK);
    }

    @Test
    void dump() {
        Capture c = Capture.load("rtnl/rule-dump");
        assertSameMessage(c.sent(34), rules.dumpRules(AddressFamily.INET).bytes(), 0);
        List<Rule> listed = c.received(32).stream().map(RuleMessages::rule).flatMap(Optional::stream).toList();
        assertEquals(List.of(Rule.all(AddressFamily.INET, 0, 255), from, fwmark, Rule.all(AddressFamily.INET, 32766, 254),
                Rule.all(AddressFamily.INET, 32767, 253)), listed);
    }

    @Test
    void errors() {
        assertEquals(Errno.EEXIST.number(), lastError("rule-add-eexist"));
        assertEquals(Errno.ENOENT.number(), lastError("rule-del-enoent"));
    }

    private static int lastError(String vector) {
        List<Message> acks = Capture.load("rtnl/" + vector).received(Netlink.NLMSG_ERROR);
        return Ack.ofError(acks.get(acks.size() - 1)).errno();
    }
}
