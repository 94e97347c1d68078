package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.harness.NetnsExtension;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.SetnsNetns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code Netns} service: setns on a dedicated thread, the caller's thread untouched. */
@ExtendWith(NetnsExtension.class)
class NetnsIT {

    private final SetnsNetns netns = new SetnsNetns();

    @Test
    void runsInsideWithoutMovingTheCaller(Netns ns) throws Exception {
        String before = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
        String inside = netns.call(Inside.ref(ns),
                () -> Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString());
        assertNotEquals(before, inside);
        assertEquals(before, Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString());
        Object inode = Files.getAttribute(Path.of("/run/netns", ns.name()), "unix:ino");
        assertEquals("net:[" + inode + "]", inside);
        assertEquals(1, netns.call(Inside.ref(ns), () -> new NetlinkLinks().list().size()));
    }

    @Test
    void existsOnlyForNetworkNamespaces(Netns ns) {
        assertTrue(netns.exists(Inside.ref(ns)));
        assertFalse(netns.exists(NetnsRef.named("krt-missing-namespace")));
        assertFalse(netns.exists(new NetnsRef(Path.of("/proc/self/ns/uts"), "")));
        assertTrue(netns.exists(NetnsRef.ofPid(ProcessHandle.current().pid())));
    }

    @Test
    void failuresKeepTheirIdentity(Netns ns) {
        KernelException missing = assertThrows(KernelException.class,
                () -> netns.call(NetnsRef.named("krt-missing-namespace"), () -> 1));
        assertTrue(missing.is(Errno.ENOENT), missing.getMessage());
        assertEquals("open netns krt-missing-namespace: No such file or directory (ENOENT, errno 2): "
                + "/run/netns/krt-missing-namespace", missing.getMessage());
        KernelException own = new KernelException("RTM_NEWLINK", "x", 17, "");
        assertSame(own, assertThrows(KernelException.class, () -> netns.call(Inside.ref(ns), () -> {
            throw own;
        })));
        IllegalStateException runtime = new IllegalStateException("boom");
        assertSame(runtime, assertThrows(IllegalStateException.class, () -> netns.call(Inside.ref(ns), () -> {
            throw runtime;
        })));
        KernelException wrapped = assertThrows(KernelException.class, () -> netns.call(Inside.ref(ns), () -> {
            throw new java.io.IOException("disk");
        }));
        assertEquals("netns " + ns.name(), wrapped.operation());
        assertTrue(wrapped.getCause() instanceof java.io.IOException);
    }
}
