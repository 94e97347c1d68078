/**
 * Extension points of the BGP codec, after OpenDaylight BGPCEP's parser SPI: parsers and
 * serializers of messages, path attributes, capabilities and NLRI, registered in an
 * {@link io.kuberouter.bgp.codec.spi.ExtensionRegistry} keyed by wire code (decoding) and by model
 * class (encoding). Every registration is a {@link io.kuberouter.bgp.codec.spi.Registration} that
 * removes it again, so an extension bundle can come and go.
 *
 * <p>The message registry validates the header once (RFC 4271 §4.1, §6.1); each parser then sees
 * only its own slice of the message. Parsers report malformed input with the checked
 * {@link io.kuberouter.bgp.codec.spi.MessageException},
 * {@link io.kuberouter.bgp.codec.spi.AttributeException} and
 * {@link io.kuberouter.bgp.codec.spi.NlriException}, which the codec turns into a
 * {@link io.kuberouter.bgp.codec.DecodeResult} according to RFC 7606.
 * {@link io.kuberouter.bgp.codec.spi.PrefixEncoding},
 * {@link io.kuberouter.bgp.codec.spi.AddressEncoding},
 * {@link io.kuberouter.bgp.codec.spi.AttributeWriter} and
 * {@link io.kuberouter.bgp.codec.spi.LengthPrefixed} are the shared wire helpers.
 */
@Version("1.0.0")
package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.Version;
