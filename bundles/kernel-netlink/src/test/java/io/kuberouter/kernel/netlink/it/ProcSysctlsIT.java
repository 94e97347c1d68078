package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.harness.NetnsExtension;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.ProcSysctls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /proc/sys} of a host test namespace, through a thread that entered it; the host's values stay. */
@ExtendWith(NetnsExtension.class)
class ProcSysctlsIT {

    private final ProcSysctls sysctls = new ProcSysctls();

    @Test
    void readsAndWritesTheCallingThreadsNamespace(Netns ns) throws Exception {
        String hostForwarding = sysctls.get("net/ipv4/ip_forward");
        assertEquals("0", Inside.call(ns, () -> sysctls.get("net/ipv4/ip_forward")));
        Inside.run(ns, () -> sysctls.set("net/ipv4/ip_forward", "1"));
        assertEquals("1", Inside.call(ns, () -> sysctls.get("net/ipv4/ip_forward")));
        assertEquals("1", ns.exec("cat", "/proc/sys/net/ipv4/ip_forward").strip());
        assertEquals(hostForwarding, sysctls.get("net/ipv4/ip_forward"));
    }

    @Test
    void interfaceNamesWithDotsAreOneSegment(Netns ns) throws Exception {
        ns.ip("link", "add", "v.100", "type", "veth", "peer", "name", "v2");
        String key = Sysctls.key("net", "ipv4", "conf", "v.100", "rp_filter");
        Inside.run(ns, () -> sysctls.set(key, "2"));
        assertEquals("2", ns.exec("sysctl", "-n", "net.ipv4.conf.v/100.rp_filter").strip());
        assertEquals("2", Inside.call(ns, () -> sysctls.get(key)));
    }

    @Test
    void failuresNameKeyAndErrno(Netns ns) {
        KernelException missing = assertThrows(KernelException.class,
                () -> Inside.call(ns, () -> sysctls.get("net/ipv4/conf/nosuch0/rp_filter")));
        assertTrue(missing.is(Errno.ENOENT), missing.getMessage());
        assertEquals("sysctl net/ipv4/conf/nosuch0/rp_filter: No such file or directory (ENOENT, errno 2)",
                missing.getMessage());
        KernelException refused = assertThrows(KernelException.class,
                () -> Inside.run(ns, () -> sysctls.set("net/ipv4/ip_forward", "not-a-number")));
        assertTrue(refused.is(Errno.EINVAL), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sysctls.get("net/../../etc/passwd"));
    }
}
