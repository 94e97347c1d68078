/**
 * Stateful in-memory fakes of every kernel SPI, for controller unit tests. Start from
 * {@link io.kuberouter.kernel.testing.FakeKernel}: it owns the state of a host namespace plus any
 * namespaces a test adds, hands out one fake per SPI, and injects faults through
 * {@link io.kuberouter.kernel.testing.Faults}.
 *
 * <p>The fakes fail like the kernel: same operation names and errno values as the real
 * implementations (e.g. adding an existing link throws
 * {@code "RTM_NEWLINK kube-dummy-if: File exists (EEXIST, errno 17)"}), iptables and ipset scripts
 * parsed and applied with the tools' semantics ({@code --noflush}, {@code -exist}, swap, line numbers
 * in {@link io.kuberouter.kernel.api.netfilter.RestoreException}). Kernel side effects that the agent
 * does not rely on are not modelled: adding an address creates no local/connected routes, hash:ip
 * entries must be single addresses (no ranges), no packet counters move unless a test sets them.
 * {@link io.kuberouter.kernel.testing.FakeNftables} (since 1.1) understands the one-command-per-line
 * subset of {@code nft -f} the agent writes, as one transaction per script.
 * All fakes are thread-safe (one lock per {@code FakeKernel}).
 */
@Version("1.1.0")
package io.kuberouter.kernel.testing;

import org.osgi.annotation.versioning.Version;
