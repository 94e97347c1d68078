package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.addr.Addresses;
import java.util.List;

/**
 * Fake {@link Addresses}: operations {@code RTM_GETADDR}, {@code RTM_NEWADDR}, {@code RTM_DELADDR}. An
 * address is identified by link, address and prefix length. Adding an address creates no routes.
 */
public final class FakeAddresses implements Addresses {

    private final FakeKernel kernel;

    FakeAddresses(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public List<Address> list() throws KernelException {
        synchronized (kernel) {
            return List.copyOf(kernel.enter("RTM_GETADDR", "").addresses);
        }
    }

    @Override
    public List<Address> list(String link) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("RTM_GETADDR", link);
            FakeLinks.required(ns, link, "RTM_GETADDR");
            return ns.addresses.stream().filter(a -> a.link().equals(link)).toList();
        }
    }

    @Override
    public void add(Address address) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = enterNew(address);
            if (find(ns, address) != null) {
                throw KernelException.of("RTM_NEWADDR", describe(address), Errno.EEXIST);
            }
            ns.addresses.add(address);
        }
    }

    @Override
    public void replace(Address address) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = enterNew(address);
            Address old = find(ns, address);
            if (old != null) {
                ns.addresses.remove(old);
            }
            ns.addresses.add(address);
        }
    }

    @Override
    public void delete(Address address) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("RTM_DELADDR", describe(address));
            FakeLinks.required(ns, address.link(), "RTM_DELADDR");
            Address old = find(ns, address);
            if (old == null) {
                throw KernelException.of("RTM_DELADDR", describe(address), Errno.EADDRNOTAVAIL);
            }
            ns.addresses.remove(old);
        }
    }

    private NetnsState enterNew(Address address) throws KernelException {
        NetnsState ns = kernel.enter("RTM_NEWADDR", describe(address));
        FakeLinks.required(ns, address.link(), "RTM_NEWADDR");
        return ns;
    }

    private static Address find(NetnsState ns, Address address) {
        return ns.addresses.stream()
                .filter(a -> a.link().equals(address.link()) && a.prefix().equals(address.prefix()))
                .findFirst().orElse(null);
    }

    private static String describe(Address a) {
        return a.prefix() + " dev " + a.link();
    }
}
