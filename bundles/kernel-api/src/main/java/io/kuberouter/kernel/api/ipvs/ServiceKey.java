package io.kuberouter.kernel.api.ipvs;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import java.net.InetAddress;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/** Identity of a virtual service: address, protocol and port, or a firewall mark. */
@ProviderType
public sealed interface ServiceKey {

    AddressFamily family();

    /** A service on {@code address:port/protocol}, e.g. a ClusterIP. */
    record ByAddress(InetAddress address, IpProtocol protocol, int port) implements ServiceKey {
        public ByAddress {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(protocol, "protocol");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("service port out of 1..65535: " + port);
            }
        }

        @Override
        public AddressFamily family() {
            return AddressFamily.of(address);
        }

        /** {@code TCP:10.96.0.1:443}, {@code UDP:[fd00::a]:53}. */
        @Override
        public String toString() {
            String host = IpPrefix.text(address);
            return protocol + ":" + (family() == AddressFamily.INET6 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** A service matching packets with firewall mark {@code fwmark} (DSR services). */
    record ByFwmark(AddressFamily family, int fwmark) implements ServiceKey {
        public ByFwmark {
            Objects.requireNonNull(family, "family");
            if (fwmark == 0) {
                throw new IllegalArgumentException("fwmark must not be 0");
            }
        }

        /** {@code FWM:500/INET}. */
        @Override
        public String toString() {
            return "FWM:" + Integer.toUnsignedString(fwmark) + "/" + family;
        }
    }
}
