package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.api.rule.Rules;
import io.kuberouter.kernel.netlink.socket.NetlinkSocket;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.rtnl.RuleMessages;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/** {@link Rules} over rtnetlink ({@code RTM_*RULE}); one socket per call, in the caller's namespace. */
@Component(service = Rules.class)
public final class NetlinkRules implements Rules {

    @Override
    public List<Rule> list(AddressFamily family) throws KernelException {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE)) {
            return s.dump(new RuleMessages().dumpRules(family)).stream().map(RuleMessages::rule)
                    .flatMap(Optional::stream).sorted(Comparator.comparingInt(Rule::priority)).toList();
        }
    }

    @Override
    public void add(Rule rule) throws KernelException {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE)) {
            s.execute(new RuleMessages().newRule(rule));
        }
    }

    @Override
    public void delete(Rule rule) throws KernelException {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE)) {
            s.execute(new RuleMessages().delRule(rule));
        }
    }
}
