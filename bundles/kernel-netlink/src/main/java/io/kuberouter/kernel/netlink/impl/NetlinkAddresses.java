package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.netlink.wire.rtnl.AddressMessages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.osgi.service.component.annotations.Component;

/** {@link Addresses} over rtnetlink ({@code RTM_*ADDR}); one socket per call, in the caller's namespace. */
@Component(service = Addresses.class)
public final class NetlinkAddresses implements Addresses {

    @Override
    public List<Address> list() throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            return list(s, index -> true);
        }
    }

    @Override
    public List<Address> list(String link) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            int index = s.link(link, "RTM_GETADDR", link).index();
            return list(s, i -> i == index);
        }
    }

    @Override
    public void add(Address address) throws KernelException {
        change(address, false);
    }

    @Override
    public void replace(Address address) throws KernelException {
        change(address, true);
    }

    @Override
    public void delete(Address address) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            int index = s.link(address.link(), "RTM_DELADDR", describe(address)).index();
            s.socket().execute(new AddressMessages().delAddress(address, index));
        }
    }

    private void change(Address address, boolean replace) throws KernelException {
        try (RtnlSession s = RtnlSession.open()) {
            int index = s.link(address.link(), "RTM_NEWADDR", describe(address)).index();
            s.socket().execute(new AddressMessages().newAddress(address, index, replace));
        }
    }

    private static List<Address> list(RtnlSession s, IntPredicate linkIndex) throws KernelException {
        Map<Integer, String> names = s.linkNames();
        return s.socket().dump(new AddressMessages().dumpAddresses()).stream().map(AddressMessages::address)
                .flatMap(Optional::stream).filter(a -> linkIndex.test(a.linkIndex()) && names.containsKey(a.linkIndex()))
                .map(a -> new Address(names.get(a.linkIndex()), a.prefix(), a.scope())).toList();
    }

    private static String describe(Address address) {
        return address.prefix() + " dev " + address.link();
    }
}
