/** Generic netlink framing and the controller's family lookup (include/uapi/linux/genetlink.h). */
package io.kuberouter.kernel.netlink.wire.genl;
