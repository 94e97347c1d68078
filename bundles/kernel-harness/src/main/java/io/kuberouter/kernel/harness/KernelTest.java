package io.kuberouter.kernel.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares the kernel features a test class needs. If the running kernel has them all, the class runs as usual.
 * Otherwise, on the host, the whole class runs ONCE inside a user-mode-linux guest (root, one CPU, the host's
 * files read-only) and each test's guest outcome is reported as its result here; guest output shows in the
 * test log. See docs/testing.md, "Real-kernel tests".
 * <p>Contract for classes run in the guest: the host skips every test and lifecycle method body, but still
 * constructs the class and resolves parameters, so constructors, field initializers and parameter resolvers
 * must not need the features. A guest that lacks a required feature fails the class (no nested guest).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KernelTestExtension.class)
public @interface KernelTest {
    /** Features the tests need. */
    Kernel[] requires();

    /** Guest time limit from boot to power-off; when it expires the guest is killed and every test fails. */
    int timeoutSeconds() default 600;

    /** Guest memory, as UML's {@code mem=} takes it. */
    String memory() default "1G";
}
