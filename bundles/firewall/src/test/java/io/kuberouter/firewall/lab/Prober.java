package io.kuberouter.firewall.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Probes every ordered pair of lab pods at once (each client agent runs its probes in parallel) and returns the
 * observed truth table: a pair is reachable when the connection succeeded and the answer was the server's name.
 * A refused TCP/UDP attempt (REJECT) fails at once; SCTP and anything dropped fail after the timeout.
 */
final class Prober {

    static final int TIMEOUT_MILLIS = 1000;

    private Prober() {
    }

    static TruthTable probe(LabTopology lab, ProbeSpec spec) {
        record Pending(LabPod from, LabPod to, CompletableFuture<PodAgent.Outcome> outcome) {
        }
        List<Pending> pending = new ArrayList<>();
        for (LabPod from : LabTopology.PODS) {
            for (LabPod to : LabTopology.PODS) {
                if (!from.equals(to)) {
                    pending.add(new Pending(from, to, lab.agent(from).probe(spec.protocol(), to.ip(spec.family()),
                            spec.port(), TIMEOUT_MILLIS)));
                }
            }
        }
        TruthTable table = new TruthTable(LabTopology.PODS);
        for (Pending p : pending) {
            PodAgent.Outcome o = p.outcome().join();
            table.set(p.from(), p.to(), o.connected() && o.answer().equals(p.to().toString()));
        }
        return table;
    }
}
