package io.kuberouter.kernel.api.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kuberouter.kernel.api.AddressFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpsetBatchTest {

    @Test
    void replaceFillsTempSetAndSwapsIt() {
        IpsetSpec spec = IpsetSpec.of("kube-router-svip", "hash:ip", AddressFamily.INET);
        String tmp = IpsetBatch.tempName(spec);
        String script = new IpsetBatch().replace(spec, List.of("10.96.0.1", "10.96.0.10")).script();
        String opts = "hash:ip family inet hashsize 1024 maxelem 65536 timeout 0";
        assertEquals("create " + tmp + " " + opts + "\nflush " + tmp + "\nadd " + tmp + " 10.96.0.1\nadd " + tmp
                + " 10.96.0.10\ncreate kube-router-svip " + opts + "\nswap " + tmp + " kube-router-svip\ndestroy "
                + tmp + "\n", script);
        assertEquals(20, tmp.length());
    }

    @Test
    void rejectsBadNamesAndEntries() {
        assertThrows(IllegalArgumentException.class, () -> new IpsetBatch().add("a b", "1.2.3.4"));
        assertThrows(IllegalArgumentException.class, () -> new IpsetBatch().add("s", "1.2.3.4\nflush x"));
        assertThrows(IllegalArgumentException.class, () -> IpsetSpec.of("x".repeat(32), "hash:ip", AddressFamily.INET));
    }
}
