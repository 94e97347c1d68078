/** The IPVS generic netlink family (include/uapi/linux/ip_vs.h), encoded as ipvsadm encodes it. */
package io.kuberouter.kernel.netlink.wire.ipvs;
