/** Private: one handler per capability code (RFC 5492 §4). */
package io.kuberouter.bgp.codec.impl.capability;
