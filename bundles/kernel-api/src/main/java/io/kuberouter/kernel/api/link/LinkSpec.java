package io.kuberouter.kernel.api.link;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What {@link Links#add(LinkSpec)} creates. Every variant has a name (1..15 characters, no {@code /},
 * whitespace or {@code :}) and an MTU (0 = kernel default). New links are created administratively
 * down.
 */
@ProviderType
public sealed interface LinkSpec {

    String name();

    int mtu();

    /** The {@code IFLA_INFO_KIND} the kernel reports for the created link. */
    String kind();

    /** A {@code dummy} link, e.g. {@code kube-dummy-if}. */
    record Dummy(String name, int mtu) implements LinkSpec {
        public Dummy {
            check(name, mtu);
        }

        @Override
        public String kind() {
            return "dummy";
        }
    }

    /** A {@code bridge} link, e.g. {@code kube-bridge}. */
    record Bridge(String name, int mtu) implements LinkSpec {
        public Bridge {
            check(name, mtu);
        }

        @Override
        public String kind() {
            return "bridge";
        }
    }

    /**
     * A {@code veth} pair; {@code peerNetns}, if present, is where the peer end is created.
     */
    record Veth(String name, int mtu, String peerName, Optional<NetnsRef> peerNetns) implements LinkSpec {
        public Veth {
            check(name, mtu);
            checkName(peerName);
            Objects.requireNonNull(peerNetns, "peerNetns");
        }

        @Override
        public String kind() {
            return "veth";
        }
    }

    /**
     * A point-to-point IP tunnel ({@code ipip} or {@code ip6tnl}).
     *
     * @param local outer source address; its family must match the mode's outer family
     * @param remote outer destination; empty for a receive-any tunnel (DSR {@code kube-tunnel-if})
     * @param ttl outer TTL, 0 = inherit
     */
    record IpTunnel(String name, int mtu, TunnelMode mode, InetAddress local, Optional<InetAddress> remote, int ttl)
            implements LinkSpec {
        public IpTunnel {
            check(name, mtu);
            Objects.requireNonNull(mode, "mode");
            AddressFamily outer = mode == TunnelMode.IPIP ? AddressFamily.INET : AddressFamily.INET6;
            if (AddressFamily.of(local) != outer || remote.map(r -> AddressFamily.of(r) != outer).orElse(false)) {
                throw new IllegalArgumentException("tunnel " + name + ": endpoints must be " + outer + " for " + mode);
            }
            if (ttl < 0 || ttl > 255) {
                throw new IllegalArgumentException("tunnel ttl out of 0..255: " + ttl);
            }
        }

        @Override
        public String kind() {
            return mode.kind();
        }
    }

    /**
     * Checks an interface name as the kernel does ({@code dev_valid_name}).
     *
     * @throws IllegalArgumentException the name is empty, longer than 15, or has {@code / : } or whitespace
     */
    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 15 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("bad interface name: '" + name + "'");
        }
    }

    private static void check(String name, int mtu) {
        checkName(name);
        if (mtu < 0) {
            throw new IllegalArgumentException("negative mtu " + mtu);
        }
    }
}
