package io.kuberouter.bgp.codec.model;

import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OPEN (RFC 4271 §4.2) of BGP version 4. The Optional Parameters are kept as sent, one
 * {@link CapabilityParameter} per parameter (RFC 5492 §4 allows one or several capabilities per
 * parameter), so a received OPEN re-encodes to the same octets.
 *
 * @param myAutonomousSystem the 2-octet "My Autonomous System" field; {@link
 *     FourOctetAsCapability#AS_TRANS} when the sender's AS needs 4 octets (RFC 6793 §4.1)
 * @param holdTime proposed hold time in seconds: 0 or at least 3
 * @param bgpIdentifier the sender's BGP Identifier
 * @param parameters the Optional Parameters, in wire order
 */
public record OpenMessage(int myAutonomousSystem, int holdTime, Inet4Address bgpIdentifier,
        List<CapabilityParameter> parameters) implements BgpMessage {

    public OpenMessage {
        Unsigned.u16("myAutonomousSystem", myAutonomousSystem);
        Unsigned.u16("holdTime", holdTime);
        Objects.requireNonNull(bgpIdentifier, "bgpIdentifier");
        parameters = List.copyOf(parameters);
    }

    /** An OPEN carrying all {@code capabilities} in one Optional Parameter. */
    public static OpenMessage of(int myAutonomousSystem, int holdTime, Inet4Address bgpIdentifier,
            List<Capability> capabilities) {
        return new OpenMessage(myAutonomousSystem, holdTime, bgpIdentifier,
                List.of(new CapabilityParameter(capabilities)));
    }

    /** All capabilities of all parameters, in wire order. */
    public List<Capability> capabilities() {
        return parameters.stream().flatMap(parameter -> parameter.capabilities().stream()).toList();
    }

    /** The first capability of the given type. */
    public <T extends Capability> Optional<T> capability(Class<T> type) {
        return capabilities().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * The sender's AS: the value of the 4-octet AS capability when present, else the "My
     * Autonomous System" field (RFC 6793 §4.1).
     */
    public long autonomousSystem() {
        return capability(FourOctetAsCapability.class).map(FourOctetAsCapability::asNumber)
                .orElse((long) myAutonomousSystem);
    }
}
