/** Private: one handler per path attribute type, each with its RFC 7606 §7 error handling approach. */
package io.kuberouter.bgp.codec.impl.attribute;
