package io.kuberouter.kernel.harness;

import org.opentest4j.TestAbortedException;

/**
 * How one test ended in the guest, as its XML report says.
 *
 * @param detail the report's text for a failure or skip: for exceptions the guest's full stack trace
 */
record TestOutcome(Status status, String message, String detail) {
    enum Status { PASSED, FAILED, SKIPPED }

    /**
     * Ends the same way on the host: returns for PASSED, throws an AssertionError carrying the guest's stack
     * trace for FAILED (assertion failures and errors alike), a TestAbortedException for SKIPPED.
     */
    void replay() {
        switch (status) {
            case PASSED -> { }
            case FAILED -> throw new AssertionError("failed in the UML guest: " + describe());
            case SKIPPED -> throw new TestAbortedException("skipped in the UML guest: " + describe());
        }
    }

    String describe() {
        return detail.isBlank() ? message : detail.strip();
    }
}
