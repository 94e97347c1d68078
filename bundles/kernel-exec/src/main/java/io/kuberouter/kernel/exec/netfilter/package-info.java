/**
 * Netfilter services by running the batch tools (private package; the services are registered by DS):
 * <ul>
 * <li>{@link io.kuberouter.kernel.exec.netfilter.ExecIptables} — {@code Iptables}, configuration PID
 * {@code io.kuberouter.kernel.exec.iptables} ({@code backend} = {@code auto|legacy|nft},
 * {@code timeoutSeconds}, {@code lockWaitSeconds}).</li>
 * <li>{@link io.kuberouter.kernel.exec.netfilter.ExecIpsets} — {@code Ipsets}, configuration PID
 * {@code io.kuberouter.kernel.exec.ipset} ({@code timeoutSeconds}).</li>
 * <li>{@link io.kuberouter.kernel.exec.netfilter.ExecNftables} — {@code Nftables}, configuration PID
 * {@code io.kuberouter.kernel.exec.nftables} ({@code timeoutSeconds}); one {@code nft -f -} per script.</li>
 * </ul>
 * Network namespace: the tools run in the namespace of the calling thread, so a call made inside
 * {@code Netns.call(ns, ...)} acts on {@code ns}. Code that has no {@code Netns} service (tests,
 * benchmarks) builds the services on {@code ProcessRunner.inNetns(ref)}, which prefixes
 * {@code ip netns exec NAME} (or {@code nsenter --net=PATH}).
 */
package io.kuberouter.kernel.exec.netfilter;
