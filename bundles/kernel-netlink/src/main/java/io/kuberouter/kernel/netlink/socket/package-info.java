/**
 * The JNA side: {@link io.kuberouter.kernel.netlink.socket.NetlinkSocket} (AF_NETLINK socket, batched
 * sendmsg with one iovec per request, sequence numbers, acknowledgement collection, multipart dumps,
 * EINTR retry, ENOBUFS and timeouts reported) and {@link io.kuberouter.kernel.netlink.socket.NetnsThread}
 * ({@code setns(2)} on a dedicated thread). The only package that calls native code. Private to the
 * bundle.
 */
package io.kuberouter.kernel.netlink.socket;
