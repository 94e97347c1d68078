package io.kuberouter.firewall.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The ported Kubernetes e2e NetworkPolicy cases ({@code src/test/resources/netpol-cases}), with real traffic on
 * the host kernel: one lab topology for all cases, each case starting from no policies, default labels and no
 * tracked connections; after every step each truth table of the step is probed and compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetpolCasesIT {

    private LabTopology lab;
    private LabFirewall firewall;

    @BeforeAll
    void start() {
        lab = LabTopology.create();
        try {
            firewall = new LabFirewall(lab.node());
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        try {
            if (firewall != null) {
                firewall.close();
            }
        } finally {
            lab.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> portedCases() {
        return NetpolCase.loadAll().stream().map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.upstream(),
                () -> run(c)));
    }

    private void run(NetpolCase c) {
        firewall.await(firewall.reset());
        lab.flushConntrack();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < c.steps().size(); i++) {
            NetpolCase.Step step = c.steps().get(i);
            firewall.await(apply(step));
            for (Map.Entry<ProbeSpec, TruthTable> e : step.expect().entrySet()) {
                TruthTable actual = Prober.probe(lab, e.getKey());
                List<String> diff = e.getValue().differences(actual);
                if (!diff.isEmpty()) {
                    failures.add("step " + (i + 1) + " " + e.getKey() + ": " + diff + "\nexpected:\n"
                            + e.getValue().render() + "actual:\n" + actual.render());
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> c.name() + "\n" + String.join("\n", failures));
        assertEquals(0, firewall.controller().failedSyncs(), "no sync may fail");
    }

    private long apply(NetpolCase.Step step) {
        long revision = firewall.apply(step.apply());
        for (var key : step.delete()) {
            revision = firewall.delete(key);
        }
        for (var e : step.podLabels().entrySet()) {
            revision = firewall.labelPod(e.getKey(), e.getValue());
        }
        for (var e : step.namespaceLabels().entrySet()) {
            revision = firewall.labelNamespace(e.getKey(), e.getValue());
        }
        return Math.max(revision, firewall.cluster().revision());
    }
}
