package io.kuberouter.bgp.speaker;

/** The states of the BGP finite state machine (RFC 4271 §8.2.2). */
public enum SessionState {
    /** Not trying to connect: stopped, or waiting after an error. */
    IDLE,
    /** Waiting for an outgoing TCP connection to complete. */
    CONNECT,
    /** Waiting for the peer to connect, or for the connect retry timer. */
    ACTIVE,
    /** OPEN sent, waiting for the peer's OPEN. */
    OPEN_SENT,
    /** OPENs exchanged, waiting for the peer's KEEPALIVE. */
    OPEN_CONFIRM,
    /** The session is up: UPDATE, KEEPALIVE and NOTIFICATION messages flow. */
    ESTABLISHED
}
