/** ctnetlink dumps and deletes (include/uapi/linux/netfilter/nfnetlink_conntrack.h). */
package io.kuberouter.kernel.netlink.wire.conntrack;
