package io.kuberouter.proxy.nft.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.testing.FakeKernel;
import io.kuberouter.kernel.testing.FakeNftables;
import io.kuberouter.proxy.nft.plan.BaseRules;
import io.kuberouter.proxy.nft.plan.DesiredNft;
import io.kuberouter.proxy.nft.plan.NftNames;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table rewrite and the owners' prune gate. */
class NftReconcilerTest {

    private static final String EARLIER = "svc-of-an-earlier-process";

    private final FakeNftables nft = new FakeKernel().nftables();
    private final BaseRules.Base base = BaseRules.of(Set.of(IpFamily.IPV4), List.of("10.244.1.0/24"), false);

    @Test
    void whileThePruneGateIsClosedARewriteKeepsAnEarlierProcesssChainsAndPrunesThemOnceOpen() throws Exception {
        nft.apply("add table " + NftNames.QUALIFIED + "\nadd chain " + NftNames.QUALIFIED + " " + EARLIER + "\n");
        NftReconciler reconciler = new NftReconciler();
        boolean[] open = {false};
        reconciler.pruneWhen(() -> open[0]);

        reconciler.full(nft, base, new DesiredNft());
        assertTrue(nft.chains(NftNames.FAMILY, NftNames.TABLE).contains(EARLIER));
        assertTrue(nft.chains(NftNames.FAMILY, NftNames.TABLE).contains(NftNames.SERVICES), "its own base written");
        assertTrue(reconciler.prunePending());

        open[0] = true;
        reconciler.full(nft, base, new DesiredNft());
        assertFalse(nft.chains(NftNames.FAMILY, NftNames.TABLE).contains(EARLIER));
        assertFalse(reconciler.prunePending());
    }
}
