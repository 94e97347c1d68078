/** TCP for BGP on Linux epoll: listen sockets, outgoing connections, TCP MD5 (RFC 2385) and TTL. */
package io.kuberouter.bgp.speaker.impl.transport;
