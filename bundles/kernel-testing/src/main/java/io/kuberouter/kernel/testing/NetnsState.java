package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.exec.syntax.IpsetEditor;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything one fake network namespace holds; guarded by the owning {@link FakeKernel}'s lock. */
final class NetnsState {

    final Map<Integer, Link> links = new TreeMap<>();
    final Map<Integer, Integer> vethPeers = new LinkedHashMap<>();
    int nextIndex = 1;
    final Set<Address> addresses = new LinkedHashSet<>();
    final List<Route> routes = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    final Map<ServiceKey, FakeIpvs.Entry> ipvs = new LinkedHashMap<>();
    IpvsTimeouts ipvsTimeouts = new IpvsTimeouts(900, 120, 300);
    final List<ConntrackEntry> conntrack = new ArrayList<>();
    final Map<String, String> sysctls = new TreeMap<>();
    final Map<AddressFamily, Map<String, IptablesTable>> iptables = new EnumMap<>(AddressFamily.class);
    final IpsetEditor ipsets = new IpsetEditor(this::setInUse);
    final NftTables nftables = new NftTables();

    NetnsState() {
        for (AddressFamily f : AddressFamily.values()) {
            rules.add(Rule.all(f, 0, Route.TABLE_LOCAL));
            rules.add(Rule.all(f, 32766, Route.TABLE_MAIN));
            iptables.put(f, new LinkedHashMap<>());
        }
        rules.add(Rule.all(AddressFamily.INET, 32767, 253));
        FakeSysctls.defaults(this);
        FakeLinks.addLoopback(this);
        addresses.add(new Address("lo", IpPrefix.parse("127.0.0.1/8"), Scope.HOST));
    }

    /** The link called {@code name}, or null. */
    Link link(String name) {
        for (Link l : links.values()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    /** True iff an iptables rule of either family refers to set {@code name}. */
    private boolean setInUse(String name) {
        return iptables.values().stream().flatMap(t -> t.values().stream())
                .flatMap(t -> t.chains().values().stream()).flatMap(c -> c.rules().stream())
                .anyMatch(r -> r.args().contains(name) && r.args().contains("--match-set"));
    }
}
