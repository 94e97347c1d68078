/**
 * One BGP connection on Netty: {@link io.kuberouter.bgp.speaker.impl.session.FrameDecoder} cuts and
 * checks message headers, {@link io.kuberouter.bgp.speaker.impl.session.MessageDecoder} and
 * {@link io.kuberouter.bgp.speaker.impl.session.MessageEncoder} apply the codec, and
 * {@link io.kuberouter.bgp.speaker.impl.session.SessionHandler} runs the states of RFC 4271 §8
 * from OpenSent on (the connection-level states Idle, Connect and Active belong to the peer).
 */
package io.kuberouter.bgp.speaker.impl.session;
