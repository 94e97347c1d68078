package io.kuberouter.kernel.api.ipvs;

import io.kuberouter.kernel.api.KernelException;
import java.util.List;
import java.util.Objects;

/**
 * Some operations of an {@link Ipvs#apply(List)} batch failed; all others were applied. The message
 * is that of the first failure, prefixed with the number of failures.
 */
public class IpvsBatchException extends KernelException {

    private static final long serialVersionUID = 1L;

    /**
     * A failed operation.
     *
     * @param index position of {@code op} in the batch
     */
    public record Failure(int index, IpvsOp op, KernelException error) {
        public Failure {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(error, "error");
        }
    }

    private final transient List<Failure> failures;

    /** @param failures non-empty, in batch order */
    public IpvsBatchException(List<Failure> failures) {
        super(first(failures).error().operation(), first(failures).error().object(), first(failures).error().errno(),
                detail(failures), first(failures).error());
        this.failures = List.copyOf(failures);
    }

    /** The failed operations in batch order. */
    public List<Failure> failures() {
        return failures;
    }

    private static Failure first(List<Failure> failures) {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("a batch failure needs at least one failed operation");
        }
        return failures.get(0);
    }

    private static String detail(List<Failure> failures) {
        String own = failures.get(0).error().detail();
        String count = "op " + failures.get(0).index() + ", " + failures.size() + " of the batch failed";
        return own.isEmpty() ? count : own + " (" + count + ")";
    }
}
