package io.kuberouter.kernel.harness;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The engine behind {@link KernelTest}. Before the tests of a class it probes the required {@link Kernel}
 * features; if any is missing it runs the class in a UML guest ({@link UmlGuest}) and from then on, for that
 * class and its nested classes, skips every test and lifecycle method body on the host and replays the guest's
 * outcome of each test instead ({@link GuestResults}).
 */
public final class KernelTestExtension implements BeforeAllCallback, InvocationInterceptor {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(KernelTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (guestResults(context) != null) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        List<KernelTest> specs = specs(testClass);
        Set<Kernel> required = EnumSet.noneOf(Kernel.class);
        specs.forEach(spec -> required.addAll(List.of(spec.requires())));
        Set<Kernel> missing = Kernel.missing(required);
        if (missing.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean(UmlGuest.GUEST_PROPERTY)) {
            throw new IllegalStateException("the UML guest kernel lacks " + missing + ": check its module list");
        }
        KernelTest nearest = specs.get(0);
        System.out.println("[uml] " + testClass.getName() + " needs " + missing + ": running it in a UML guest");
        context.getStore(STORE).put(GuestResults.class,
                UmlGuest.run(testClass, nearest.timeoutSeconds(), nearest.memory()));
    }

    /** @KernelTest of the class and of its enclosing classes, nearest first. */
    private static List<KernelTest> specs(Class<?> testClass) {
        List<KernelTest> specs = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            KernelTest spec = c.getAnnotation(KernelTest.class);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /** The guest's results if this context's class (or an enclosing one) ran in the guest, else null. */
    private static GuestResults guestResults(ExtensionContext context) {
        return context.getStore(STORE).get(GuestResults.class, GuestResults.class);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        replayOrProceed(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        replayOrProceed(invocation, context);
    }

    /** In guest mode the factory yields no dynamic tests on the host; it fails if any failed in the guest. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        GuestResults results = guestResults(context);
        if (results == null) {
            return invocation.proceed();
        }
        invocation.skip();
        results.replayDescendants(context.getUniqueId());
        return (T) Stream.empty();
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        skipOrProceed(invocation, context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        skipOrProceed(invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        skipOrProceed(invocation, context);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        skipOrProceed(invocation, context);
    }

    private static void replayOrProceed(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        GuestResults results = guestResults(context);
        if (results == null) {
            invocation.proceed();
        } else {
            invocation.skip();
            results.replay(context.getUniqueId());
        }
    }

    private static void skipOrProceed(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (guestResults(context) == null) {
            invocation.proceed();
        } else {
            invocation.skip();
        }
    }
}
