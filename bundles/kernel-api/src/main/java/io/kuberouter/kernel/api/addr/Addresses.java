package io.kuberouter.kernel.api.addr;

import io.kuberouter.kernel.api.KernelException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Interface addresses of the calling thread's namespace. An address is identified by link and
 * prefix; the scope is an attribute.
 */
@ProviderType
public interface Addresses {

    /** Every address of every link, IPv4 and IPv6. */
    List<Address> list() throws KernelException;

    /** Addresses of one link; ENODEV if it does not exist. */
    List<Address> list(String link) throws KernelException;

    /** Adds an address; EEXIST if the link already has it, ENODEV if the link is missing. */
    void add(Address address) throws KernelException;

    /** Adds the address or updates its attributes if present ({@code NLM_F_REPLACE}). */
    void replace(Address address) throws KernelException;

    /** Removes an address; EADDRNOTAVAIL if the link does not have it. */
    void delete(Address address) throws KernelException;
}
