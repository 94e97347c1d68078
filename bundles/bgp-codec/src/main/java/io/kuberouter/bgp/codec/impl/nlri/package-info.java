/** Private: next hop and prefix handling of IPv4 and IPv6 unicast (RFC 4760 §5, RFC 2545). */
package io.kuberouter.bgp.codec.impl.nlri;
