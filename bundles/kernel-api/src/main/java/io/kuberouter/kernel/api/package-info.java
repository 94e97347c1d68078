/**
 * Vocabulary shared by every kernel SPI: {@link io.kuberouter.kernel.api.KernelException} (operation +
 * errno), address families, prefixes, IP protocols and scopes.
 *
 * <p>The SPIs live in one sub-package per kernel object family (link, addr, route, rule, ipvs,
 * conntrack, sysctl, netns, netfilter). All values are immutable records validated in their
 * constructors; all services are provider types implemented by kernel-netlink, kernel-exec and the
 * in-memory fakes of kernel-testing. Unless a method says otherwise a service acts on the network
 * namespace of the calling thread (see {@link io.kuberouter.kernel.api.netns.Netns}) and is safe to
 * call from several threads.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api;

import org.osgi.annotation.versioning.Version;
