package io.kuberouter.bgp.codec;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;

/**
 * NOTIFICATION (Error Code, Error Subcode) pairs: RFC 4271 §4.5 and §6, with the later IANA
 * registrations ("BGP Error (Notification) Codes" and the subcode registries). Subcode 0 is
 * "Unspecific" where the registry defines it.
 */
public enum BgpError {
    /** RFC 4271 §6.1, IANA: Message Header Error, unspecific. */
    MESSAGE_HEADER_UNSPECIFIC(1, 0),
    /** RFC 4271 §6.1: the marker is not all ones. */
    CONNECTION_NOT_SYNCHRONIZED(1, 1),
    /** RFC 4271 §6.1: data is the erroneous Length field. */
    BAD_MESSAGE_LENGTH(1, 2),
    /** RFC 4271 §6.1: data is the erroneous Type field. */
    BAD_MESSAGE_TYPE(1, 3),
    /** RFC 4271 §6.2, IANA: OPEN Message Error, unspecific. */
    OPEN_UNSPECIFIC(2, 0),
    /** RFC 4271 §6.2: data is the largest supported version, 2 octets. */
    UNSUPPORTED_VERSION_NUMBER(2, 1),
    /** RFC 4271 §6.2. */
    BAD_PEER_AS(2, 2),
    /** RFC 4271 §6.2, RFC 6286 §2.2: a BGP Identifier of 0. */
    BAD_BGP_IDENTIFIER(2, 3),
    /** RFC 4271 §6.2. */
    UNSUPPORTED_OPTIONAL_PARAMETER(2, 4),
    /** RFC 4271 §6.2: hold time 1 or 2 seconds. */
    UNACCEPTABLE_HOLD_TIME(2, 6),
    /** RFC 5492 §5: data lists the required capabilities. */
    UNSUPPORTED_CAPABILITY(2, 7),
    /** RFC 9234 §4.2. */
    ROLE_MISMATCH(2, 11),
    /** RFC 4271 §6.3, IANA: UPDATE Message Error, unspecific. */
    UPDATE_UNSPECIFIC(3, 0),
    /** RFC 4271 §6.3, RFC 7606 §3 g: e.g. a repeated MP_REACH_NLRI. */
    MALFORMED_ATTRIBUTE_LIST(3, 1),
    /** RFC 4271 §6.3: data is the attribute (type, length, value). */
    UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE(3, 2),
    /** RFC 4271 §6.3: data is the missing type code. */
    MISSING_WELL_KNOWN_ATTRIBUTE(3, 3),
    /** RFC 4271 §6.3: data is the attribute. */
    ATTRIBUTE_FLAGS_ERROR(3, 4),
    /** RFC 4271 §6.3: data is the attribute. */
    ATTRIBUTE_LENGTH_ERROR(3, 5),
    /** RFC 4271 §6.3: data is the attribute. */
    INVALID_ORIGIN_ATTRIBUTE(3, 6),
    /** RFC 4271 §6.3: data is the attribute. */
    INVALID_NEXT_HOP_ATTRIBUTE(3, 8),
    /** RFC 4271 §6.3, RFC 4760 §7: data is the attribute. */
    OPTIONAL_ATTRIBUTE_ERROR(3, 9),
    /** RFC 4271 §6.3: a syntactically incorrect NLRI field. */
    INVALID_NETWORK_FIELD(3, 10),
    /** RFC 4271 §6.3. */
    MALFORMED_AS_PATH(3, 11),
    /** RFC 4271 §6.5. */
    HOLD_TIMER_EXPIRED(4, 0),
    /** RFC 6608 §3: Finite State Machine Error, unspecified. */
    FSM_UNSPECIFIED(5, 0),
    /** RFC 6608 §3. */
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_SENT(5, 1),
    /** RFC 6608 §3. */
    FSM_UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM(5, 2),
    /** RFC 6608 §3. */
    FSM_UNEXPECTED_MESSAGE_IN_ESTABLISHED(5, 3),
    /** RFC 4486 §4: data may name AFI/SAFI and the upper bound. */
    CEASE_MAXIMUM_PREFIXES_REACHED(6, 1),
    /** RFC 4486 §4; data may be a shutdown communication (RFC 9003). */
    CEASE_ADMINISTRATIVE_SHUTDOWN(6, 2),
    /** RFC 4486 §4. */
    CEASE_PEER_DECONFIGURED(6, 3),
    /** RFC 4486 §4; data may be a shutdown communication (RFC 9003). */
    CEASE_ADMINISTRATIVE_RESET(6, 4),
    /** RFC 4486 §4. */
    CEASE_CONNECTION_REJECTED(6, 5),
    /** RFC 4486 §4. */
    CEASE_OTHER_CONFIGURATION_CHANGE(6, 6),
    /** RFC 4486 §4. */
    CEASE_CONNECTION_COLLISION_RESOLUTION(6, 7),
    /** RFC 4486 §4. */
    CEASE_OUT_OF_RESOURCES(6, 8),
    /** RFC 8538 §3. */
    CEASE_HARD_RESET(6, 9),
    /** RFC 9384 §3. */
    CEASE_BFD_DOWN(6, 10),
    /** RFC 7313 §5: data is the whole offending ROUTE-REFRESH message. */
    ROUTE_REFRESH_INVALID_MESSAGE_LENGTH(7, 1),
    /** RFC 9687 §3. */
    SEND_HOLD_TIMER_EXPIRED(8, 0);

    private static final Map<Integer, BgpError> BY_CODES = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(error -> key(error.code, error.subcode), Function.identity()));

    private final int code;
    private final int subcode;

    BgpError(int code, int subcode) {
        this.code = code;
        this.subcode = subcode;
    }

    /** Error Code. */
    public int code() {
        return code;
    }

    /** Error Subcode. */
    public int subcode() {
        return subcode;
    }

    /** The registered pair, if any. */
    public static Optional<BgpError> of(int code, int subcode) {
        return Optional.ofNullable(BY_CODES.get(key(code, subcode)));
    }

    /** The registered pair of a received NOTIFICATION, if any. */
    public static Optional<BgpError> of(NotificationMessage notification) {
        return of(notification.errorCode(), notification.errorSubcode());
    }

    /** A NOTIFICATION reporting this error with {@code data}. */
    public NotificationMessage notification(Octets data) {
        return new NotificationMessage(code, subcode, data);
    }

    private static int key(int code, int subcode) {
        return code << 8 | subcode;
    }
}
