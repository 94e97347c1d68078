/**
 * The RIBs of RFC 4271 §3.2 in primitive structures: per address family a table of prefix ids
 * ({@link io.kuberouter.bgp.speaker.impl.rib.PrefixTable}), a table of path rows – the Adj-RIBs-In of
 * all peers – with the selected row per prefix – the Loc-RIB – ({@link
 * io.kuberouter.bgp.speaker.impl.rib.PathTable}), and path attributes interned and shared by
 * reference ({@link io.kuberouter.bgp.speaker.impl.rib.AttributeInterner}). No object exists per
 * path: a path is four array slots. Everything here is confined to the speaker's loop thread.
 */
package io.kuberouter.bgp.speaker.impl.rib;
