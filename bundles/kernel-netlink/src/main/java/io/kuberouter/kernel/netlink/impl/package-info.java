/**
 * DS components implementing the kernel-api services over netlink: links, addresses, routes, rules
 * (rtnetlink), IPVS (generic netlink), conntrack (ctnetlink) and network namespaces (setns). Each call
 * opens its own socket in the calling thread's namespace, so the services are thread-safe and follow
 * {@code Netns.call}. Private to the bundle.
 */
package io.kuberouter.kernel.netlink.impl;
