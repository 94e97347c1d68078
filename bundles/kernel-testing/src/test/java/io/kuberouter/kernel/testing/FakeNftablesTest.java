package io.kuberouter.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.netfilter.RestoreException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeNftablesTest {

    private final FakeKernel kernel = new FakeKernel();
    private final FakeNftables nft = kernel.nftables();

    @Test
    void appliesTheSubsetAndListsIt() throws Exception {
        nft.apply("add table inet t\nadd chain inet t c\nadd map inet t m { type ipv4_addr : verdict ; }\n"
                + "add rule inet t c counter\nadd element inet t m { 10.0.0.1 : goto c, 10.0.0.2 : goto c }\n");
        assertEquals(List.of("counter"), nft.chain("inet", "t", "c").orElseThrow());
        assertEquals(Map.of("10.0.0.1", "goto c", "10.0.0.2", "goto c"), nft.elements("inet", "t", "m"));
        assertTrue(nft.listTable("inet", "t").orElseThrow().contains("chain c {"));
        assertEquals(1, nft.applied());
    }

    @Test
    void aFailingScriptLeavesNothingBehind() throws Exception {
        nft.apply("add table inet t\nadd chain inet t c\n");
        RestoreException e = assertThrows(RestoreException.class,
                () -> nft.apply("add chain inet t d\nadd rule inet t c goto missing\n"));
        assertEquals(2, e.line());
        assertEquals(List.of("c"), nft.chains("inet", "t"));
    }

    @Test
    void refusesToDeleteWhatIsStillReferenced() throws Exception {
        nft.apply("add table inet t\nadd chain inet t c\nadd chain inet t d\nadd rule inet t c goto d\n");
        assertThrows(RestoreException.class, () -> nft.apply("delete chain inet t d\n"));
        nft.apply("flush chain inet t c\ndelete chain inet t d\n");
        assertFalse(nft.chain("inet", "t", "d").isPresent());
        nft.deleteTable("inet", "t");
        assertFalse(nft.hasTable("inet", "t"));
    }
}
