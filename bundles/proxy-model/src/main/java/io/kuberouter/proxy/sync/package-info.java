/**
 * What the service proxy backends (IPVS, nftables) share around their sync: the feed of Service, EndpointSlice
 * and Node changes that marks Services dirty, and the event-style log and count of skipped input.
 */
@Version("1.0.0")
package io.kuberouter.proxy.sync;

import org.osgi.annotation.versioning.Version;
