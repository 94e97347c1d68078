/**
 * The speaker behind {@link io.kuberouter.bgp.speaker.BgpSpeaker}: one epoll event loop runs every
 * session, timer and RIB, so nothing inside is locked; the API methods hop onto that loop.
 */
package io.kuberouter.bgp.speaker.impl;
