package io.kuberouter.bgp.codec.impl.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kuberouter.bgp.codec.AttributeError;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * The errors found while decoding one UPDATE that did not reset the session, and the result they
 * add up to: the strongest approach wins (RFC 7606 §3 i). Lives for one decode call only.
 */
final class UpdateErrors {

    private final List<AttributeError> errors = new ArrayList<>();
    private boolean treatAsWithdraw;

    /** Records an error handled by {@code approach}, attribute discard or treat-as-withdraw. */
    void add(ErrorHandlingApproach approach, AttributeError error) {
        errors.add(error);
        treatAsWithdraw |= approach == ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    /** True if an error about attribute {@code typeCode} was recorded already. */
    boolean mentions(int typeCode) {
        return errors.stream().anyMatch(error -> error.typeCode() == typeCode);
    }

    /** The decode result for {@code update}, the UPDATE without the attributes that failed. */
    DecodeResult outcome(UpdateMessage update) {
        if (errors.isEmpty()) {
            return new DecodeResult.Decoded(update);
        }
        if (treatAsWithdraw) {
            return new DecodeResult.TreatAsWithdraw(routesOf(update), errors);
        }
        return new DecodeResult.AttributeDiscard(update, errors);
    }

    /** Every prefix the UPDATE advertised or withdrew, by family (RFC 7606 §2 "treat-as-withdraw"). */
    private static Map<AddressFamily, List<IpPrefix>> routesOf(UpdateMessage update) {
        Map<AddressFamily, List<IpPrefix>> routes = new LinkedHashMap<>();
        addRoutes(routes, AddressFamily.IPV4_UNICAST, update.withdrawnRoutes());
        addRoutes(routes, AddressFamily.IPV4_UNICAST, update.nlri());
        for (PathAttribute attribute : update.attributes()) {
            if (attribute instanceof MpReachNlri reach) {
                addRoutes(routes, reach.family(), reach.prefixes());
            } else if (attribute instanceof MpUnreachNlri unreach) {
                addRoutes(routes, unreach.family(), unreach.prefixes());
            }
        }
        return routes;
    }

    private static void addRoutes(Map<AddressFamily, List<IpPrefix>> routes, AddressFamily family,
            List<IpPrefix> prefixes) {
        if (!prefixes.isEmpty()) {
            routes.computeIfAbsent(family, key -> new ArrayList<>()).addAll(prefixes);
        }
    }
}
