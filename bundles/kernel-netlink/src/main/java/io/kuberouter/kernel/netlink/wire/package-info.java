/**
 * Pure netlink codec (RFC 3549; include/uapi/linux/netlink.h), no I/O: {@link
 * io.kuberouter.kernel.netlink.wire.MessageWriter} builds messages (header, family header, aligned and
 * nested attributes) into bytes, {@link io.kuberouter.kernel.netlink.wire.Message} and {@link
 * io.kuberouter.kernel.netlink.wire.Attributes} decode received bytes, {@link
 * io.kuberouter.kernel.netlink.wire.Ack} decodes acknowledgements and errors with their extended-ack
 * text. The sub-packages encode and decode one family each. Tested against captured kernel traffic
 * ({@code src/test/resources/vectors}). Private to the bundle.
 */
package io.kuberouter.kernel.netlink.wire;
