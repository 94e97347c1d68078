/**
 * DS components implementing the kernel-api services over netlink: links, addresses, routes, rules
 * (rtnetlink), IPVS (generic netlink), conntrack (ctnetlink), network namespaces (setns) and, without
 * netlink, kernel parameters ({@code /proc/sys}, {@link io.kuberouter.kernel.netlink.impl.ProcSysctls}). Each
 * call opens its own socket (or file) in the calling thread's namespace, so the services are thread-safe and
 * follow {@code Netns.call}. Private to the bundle.
 */
package io.kuberouter.kernel.netlink.impl;
