/**
 * The service proxy's model, shared by its backends (IPVS, nftables) and by the bundles around them.
 *
 * <ul>
 *   <li>{@link io.kuberouter.api.proxy.ProxiedService}: what the proxy programs for one Service, as a
 *       backend-neutral list of {@link io.kuberouter.api.proxy.VirtualServer}s (a frontend address,
 *       protocol and port with its scheduling and its backends) plus the parts of the Service it
 *       skipped ({@link io.kuberouter.api.proxy.Problem}).</li>
 *   <li>{@link io.kuberouter.api.proxy.ServiceProxyView}: registered by the running backend; the read-only
 *       view the Web Console, DSR and hairpin read; with the kernel's counters per virtual server and
 *       destination ({@link io.kuberouter.api.proxy.ServerStatistics}, since 1.1).</li>
 *   <li>{@link io.kuberouter.api.proxy.ServiceProxyExtension}: registered by bundles that change how some
 *       virtual servers are delivered (DSR) or that program kernel state of their own next to the proxy's
 *       (hairpin); the proxy consults and notifies every registered extension.</li>
 * </ul>
 */
@Version("1.1.0")
package io.kuberouter.api.proxy;

import org.osgi.annotation.versioning.Version;
