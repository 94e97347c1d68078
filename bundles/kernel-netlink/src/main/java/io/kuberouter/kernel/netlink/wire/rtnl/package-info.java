/**
 * rtnetlink links, addresses, routes and rules (include/uapi/linux/rtnetlink.h, if_link.h, if_addr.h,
 * fib_rules.h), encoded as iproute2 encodes them.
 */
package io.kuberouter.kernel.netlink.wire.rtnl;
