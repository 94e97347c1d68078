package io.kuberouter.kernel.netlink.socket;

import io.kuberouter.kernel.api.KernelException;
import java.util.Objects;

/**
 * A request of a batch the kernel refused.
 *
 * @param index position of the request in the batch
 * @param error operation and object of the request with the errno and extended-ack text
 */
public record RequestFailure(int index, KernelException error) {

    public RequestFailure {
        Objects.requireNonNull(error, "error");
    }
}
