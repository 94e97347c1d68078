package io.kuberouter.kernel.exec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.exec.netfilter.ExecNftables;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code nft -f -} through {@link ExecNftables} against the real kernel in a fresh namespace. */
class NftablesIT {

    private static final String TABLE = "add table inet krt\n"
            + "add chain inet krt pre { type nat hook prerouting priority -100 ; }\n"
            + "add chain inet krt svc\n"
            + "add map inet krt ips { type ipv4_addr . inet_proto . inet_service : verdict ; }\n"
            + "add rule inet krt pre ip daddr . meta l4proto . th dport vmap @ips\n"
            + "add rule inet krt svc counter meta l4proto tcp dnat ip to 10.0.0.2:80\n"
            + "add element inet krt ips { 10.96.0.1 . tcp . 80 : goto svc }\n";

    private TestNetns ns;
    private ExecNftables nft;

    @BeforeEach
    void createNamespace() throws Exception {
        ns = TestNetns.create();
        nft = new ExecNftables(ns.runner(), Duration.ofSeconds(60));
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        ns.close();
    }

    @Test
    void appliesListsAndDeletesATable() throws Exception {
        assertTrue(nft.listTable("inet", "krt").isEmpty());
        nft.apply(TABLE);
        String listing = nft.listTable("inet", "krt").orElseThrow();
        assertTrue(listing.contains("10.96.0.1 . tcp . 80 : goto svc"), listing);
        assertTrue(listing.contains("dnat ip to 10.0.0.2:80"), listing);
        nft.deleteTable("inet", "krt");
        assertTrue(nft.listTable("inet", "krt").isEmpty());
        nft.deleteTable("inet", "krt");
    }

    @Test
    void aRejectedScriptChangesNothingAndNamesItsLine() throws Exception {
        nft.apply(TABLE);
        String before = nft.listTable("inet", "krt").orElseThrow();
        RestoreException e = assertThrows(RestoreException.class, () -> nft.apply(
                "add element inet krt ips { 10.96.0.2 . tcp . 80 : goto svc }\n"
                        + "add rule inet krt svc counter\n"
                        + "add rule inet krt missing counter\n"));
        assertEquals(3, e.line());
        assertEquals("add rule inet krt missing counter", e.lineText());
        assertEquals(before, nft.listTable("inet", "krt").orElseThrow(), "the transaction was rolled back");
        assertFalse(before.contains("10.96.0.2"));
    }
}
