package io.kuberouter.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.exec.syntax.IptablesSave;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeNetfilterTest {

    private final FakeKernel kernel = new FakeKernel();

    @Test
    void failedRestoreNamesTheLineAndKeepsTheRuleset() throws Exception {
        kernel.ipsets().restore("create kube-router-svip hash:ip\n");
        String good = "*filter\n:KUBE-ROUTER-SERVICES - [0:0]\n"
                + "-A INPUT -m set --match-set kube-router-svip dst -j KUBE-ROUTER-SERVICES\nCOMMIT\n";
        kernel.iptables().restore(AddressFamily.INET, "filter", good, false);
        String before = kernel.iptables().save(AddressFamily.INET, "filter");
        RestoreException e = assertThrows(RestoreException.class, () -> kernel.iptables().restore(AddressFamily.INET,
                "filter", "*filter\n-F INPUT\n-A INPUT -j KUBE-NOPE\nCOMMIT\n", true));
        assertEquals(3, e.line());
        assertEquals("iptables-nft-restore filter: line 3 failed: -A INPUT -j KUBE-NOPE: chain 'KUBE-NOPE' does not "
                + "exist", e.getMessage());
        assertEquals(before, kernel.iptables().save(AddressFamily.INET, "filter"));
        assertEquals(List.of(RuleSpec.parse("-m set --match-set kube-router-svip dst -j KUBE-ROUTER-SERVICES")),
                IptablesSave.parse(before).get("filter").rules("INPUT"));
        assertThrows(RestoreException.class, () -> kernel.ipsets().restore("destroy kube-router-svip\n"));
    }

    @Test
    void ipsetReplaceSwapsAndNamespacesAreSeparate() throws Exception {
        IpsetSpec spec = IpsetSpec.of("kube-router-local-ips", "hash:ip", AddressFamily.INET);
        kernel.ipsets().restore(new IpsetBatch().replace(spec, List.of("10.0.0.1", "10.0.0.2")).script());
        kernel.ipsets().restore(new IpsetBatch().replace(spec, List.of("10.0.0.3")).script());
        assertEquals(List.of("10.0.0.3 timeout 0"), kernel.ipsets().set(spec.name()).orElseThrow().entries());
        assertEquals(List.of(spec.name()), kernel.ipsets().names());
        NetnsRef other = kernel.addNetns("other");
        assertEquals(List.of(), kernel.netns().call(other, () -> kernel.ipsets().names()));
        assertTrue(assertThrows(KernelException.class, () -> kernel.ipsets().save("nope")).is(Errno.ENOENT));
    }

    @Test
    void injectedFaultPreventsTheRestore() throws Exception {
        kernel.faults().failNext("ip6tables-nft-restore", Errno.EAGAIN);
        assertThrows(KernelException.class, () -> kernel.iptables().restore(AddressFamily.INET6, "nat",
                "*nat\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n", false));
        assertEquals(0, kernel.iptables().table(AddressFamily.INET6, "nat").ruleCount());
        kernel.iptables().restore(AddressFamily.INET6, "nat", "*nat\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n", false);
        assertEquals(1, kernel.iptables().table(AddressFamily.INET6, "nat").ruleCount());
    }
}
