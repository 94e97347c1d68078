package io.kuberouter.bgp.codec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/**
 * What decoding one message asks the speaker to do; the error handling approaches of RFC 7606 §2
 * as data.
 */
public sealed interface DecodeResult {

    /**
     * A well-formed message.
     *
     * @param message the decoded message
     */
    record Decoded(BgpMessage message) implements DecodeResult {

        public Decoded {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * "Attribute discard" (RFC 7606 §2): the UPDATE is processed without the attributes listed in
     * {@code discarded}.
     *
     * @param update the UPDATE without the discarded attributes
     * @param discarded why each attribute was dropped
     */
    record AttributeDiscard(UpdateMessage update, List<AttributeError> discarded) implements DecodeResult {

        public AttributeDiscard {
            Objects.requireNonNull(update, "update");
            discarded = List.copyOf(discarded);
        }
    }

    /**
     * "Treat-as-withdraw" (RFC 7606 §2): every route the UPDATE advertised or withdrew is to be
     * treated as withdrawn.
     *
     * @param withdrawn the prefixes to withdraw, by family (IPv4 unicast for the UPDATE's own
     *     fields)
     * @param errors the errors that led to it, and any attribute discards found alongside
     */
    record TreatAsWithdraw(Map<AddressFamily, List<IpPrefix>> withdrawn, List<AttributeError> errors)
            implements DecodeResult {

        public TreatAsWithdraw {
            withdrawn = withdrawn.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
            errors = List.copyOf(errors);
        }
    }

    /**
     * "Session reset" (RFC 7606 §2, RFC 4271 §6): send {@code notification} and close the
     * session.
     *
     * @param notification the NOTIFICATION to send, data included
     * @param reason what was wrong, for the log
     */
    record SessionReset(NotificationMessage notification, String reason) implements DecodeResult {

        public SessionReset {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
