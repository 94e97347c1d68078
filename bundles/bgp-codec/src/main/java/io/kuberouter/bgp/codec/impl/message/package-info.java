/**
 * Private: one handler per message type (RFC 4271 §4.2 to §4.5, RFC 2918 §3), and the UPDATE
 * decoding steps: field layout, attribute list with RFC 7606 error handling, AS4_PATH merge and
 * split (RFC 6793 §4.2), mandatory attribute check.
 */
package io.kuberouter.bgp.codec.impl.message;
