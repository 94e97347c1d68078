package io.kuberouter.kernel.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deliberately partly red: GuestReportTest runs it to get a real ConsoleLauncher-style XML report. Not a test itself. */
class ReportFixture {
    @Test
    void passes() {
    }

    @Test
    void fails() {
        assertEquals(1, 2, "one is not two");
    }

    @Test
    void errors() {
        throw new IllegalStateException("boom <&>");
    }

    @Test
    void aborts() {
        Assumptions.assumeTrue(false, "not on this kernel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rr", "wrr"})
    void template(String scheduler) {
        assertEquals("rr", scheduler);
    }

    @TestFactory
    Stream<DynamicTest> factory() {
        return Stream.of(DynamicTest.dynamicTest("ok", () -> { }), DynamicTest.dynamicTest("bad", () -> fail("dynamic bad")));
    }

    @Nested
    class Inner {
        @Test
        void innerFails() {
            fail("inner failure");
        }
    }
}
