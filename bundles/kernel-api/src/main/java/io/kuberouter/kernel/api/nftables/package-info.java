/**
 * nftables access: {@link io.kuberouter.kernel.api.nftables.Nftables} applies a script in the syntax of
 * {@code nft -f} as one atomic transaction and lists or deletes a table. Scripts are built by the caller;
 * a rejected script throws {@link io.kuberouter.kernel.api.netfilter.RestoreException} naming the line.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.nftables;

import org.osgi.annotation.versioning.Version;
