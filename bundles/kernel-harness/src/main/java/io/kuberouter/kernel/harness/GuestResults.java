package io.kuberouter.kernel.harness;

import java.util.List;
import java.util.Map;

/**
 * What one guest run of a test class produced, replayed test by test on the host.
 *
 * @param outcomes   per test, by JUnit unique id (identical in guest and host for the same class)
 * @param exitCode   of uml-run.sh: the ConsoleLauncher's (0 all passed, 1 some failed), 124 timeout, 125 boot failure
 * @param outputTail the last lines the guest printed, for failures the report cannot explain
 */
record GuestResults(Map<String, TestOutcome> outcomes, int exitCode, String outputTail) {
    GuestResults {
        outcomes = Map.copyOf(outcomes);
    }

    /** Ends like the guest's test {@code uniqueId}; a test the guest did not report fails with the guest's output. */
    void replay(String uniqueId) {
        TestOutcome outcome = outcomes.get(uniqueId);
        if (outcome == null) {
            throw new AssertionError("the UML guest reported no result for " + uniqueId + explainRun());
        }
        outcome.replay();
    }

    /**
     * For a test factory: fails listing every failed dynamic test below {@code uniqueId}; fails like
     * {@link #replay} if the guest reported none.
     */
    void replayDescendants(String uniqueId) {
        String prefix = uniqueId + "/";
        List<Map.Entry<String, TestOutcome>> below = outcomes.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).sorted(Map.Entry.comparingByKey()).toList();
        if (below.isEmpty()) {
            throw new AssertionError("the UML guest reported no dynamic tests for " + uniqueId + explainRun());
        }
        List<String> failed = below.stream().filter(e -> e.getValue().status() == TestOutcome.Status.FAILED)
                .map(e -> e.getKey().substring(prefix.length()) + ": " + e.getValue().describe()).toList();
        if (!failed.isEmpty()) {
            throw new AssertionError("failed in the UML guest: " + String.join("\n", failed));
        }
    }

    private String explainRun() {
        String why = switch (exitCode) {
            case 0, 1 -> "the guest's test run finished";
            case 124 -> "the guest TIMED OUT and was killed";
            case 125 -> "the guest failed to boot or the harness failed";
            default -> "the guest's JVM exited abnormally";
        };
        return " (" + why + ", exit code " + exitCode + "); guest output, last lines:\n" + outputTail;
    }
}
