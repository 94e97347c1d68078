package io.kuberouter.kernel.api.conntrack;

import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import java.net.InetAddress;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Deletes conntrack entries so that clients of a connectionless service (UDP) stop sticking to a
 * removed IPVS destination. Deleting nothing is not an error.
 */
@ProviderType
public interface Conntrack {

    /**
     * Deletes entries whose original-direction destination is {@code address} (a service VIP) and, if
     * {@code port} is not 0, whose original destination port is {@code port}; equivalent to
     * {@code conntrack -D --orig-dst ADDR -p PROTO [--dport PORT]}.
     *
     * @return number of entries deleted
     */
    int deleteByOriginalDestination(IpProtocol protocol, InetAddress address, int port) throws KernelException;

    /**
     * Deletes entries whose reply-direction source is {@code address} (a real server) and, if
     * {@code port} is not 0, whose reply source port is {@code port}; equivalent to
     * {@code conntrack -D --reply-src ADDR -p PROTO [--reply-port-src PORT]}.
     *
     * @return number of entries deleted
     */
    int deleteByReplySource(IpProtocol protocol, InetAddress address, int port) throws KernelException;
}
