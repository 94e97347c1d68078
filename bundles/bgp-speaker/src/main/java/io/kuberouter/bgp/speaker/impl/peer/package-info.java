/**
 * Peers: the connection-level states of RFC 4271 §8 (Idle, Connect, Active) with the connect
 * retry timer, collision detection (§6.8), the receiving side of graceful restart (RFC 4724 §4.2),
 * and received UPDATEs applied to the RIBs through the import rules.
 */
package io.kuberouter.bgp.speaker.impl.peer;
