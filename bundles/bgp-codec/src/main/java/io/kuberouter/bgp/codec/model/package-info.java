/**
 * Immutable BGP-4 message model (RFC 4271 §4): the five messages, their capabilities
 * (RFC 5492) and path attributes, plus the value types they share ({@link
 * io.kuberouter.bgp.codec.model.AddressFamily}, {@link io.kuberouter.bgp.codec.model.IpPrefix},
 * {@link io.kuberouter.bgp.codec.model.Octets}).
 *
 * <p>Every type is a record or an immutable class: collections are copied and unmodifiable, AS
 * numbers are unsigned 32-bit values held in a {@code long}, and two values are equal iff their
 * wire meaning is equal. AS paths and aggregators always carry 4-octet AS numbers: the codec
 * translates to and from the 2-octet form with AS4_PATH / AS4_AGGREGATOR (RFC 6793 §4.2) when a
 * session has not negotiated 4-octet AS numbers. The model has no dependency on Netty.
 */
@Version("1.0.0")
package io.kuberouter.bgp.codec.model;

import org.osgi.annotation.versioning.Version;
