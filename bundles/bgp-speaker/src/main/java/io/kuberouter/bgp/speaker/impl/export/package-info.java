/**
 * Route advertisement (RFC 4271 §9.1.3, §9.2): per established peer an Adj-RIB-Out per family,
 * export rules (split horizon, iBGP and route-reflection rules of RFC 4456 §6, well-known
 * communities of RFC 1997, export policy), attribute rewriting per peer type, and UPDATE packing
 * that groups prefixes sharing attributes.
 */
package io.kuberouter.bgp.speaker.impl.export;
