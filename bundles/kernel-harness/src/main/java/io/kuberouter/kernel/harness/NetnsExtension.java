package io.kuberouter.kernel.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves every {@link Netns} parameter to a fresh namespace that JUnit deletes when the scope it was resolved
 * in ends, failed or not: test and {@code @BeforeEach}/{@code @AfterEach} parameters after that test,
 * {@code @BeforeAll} parameters after all tests of the class.
 * <pre>{@code @ExtendWith(NetnsExtension.class) class FooIT { @Test void t(Netns a, Netns b) { a.veth("x", b, "y"); } }}</pre>
 */
public final class NetnsExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(NetnsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Netns.class;
    }

    /** The store closes AutoCloseable values when its context ends (JUnit 5.13+ default). */
    @Override
    public Netns resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Netns ns = Netns.create();
        context.getStore(STORE).put(ns.name(), ns);
        return ns;
    }
}
