/**
 * Batch access to netfilter: {@link io.kuberouter.kernel.api.netfilter.Iptables} (save/restore of one
 * table, legacy or nft backend) and {@link io.kuberouter.kernel.api.netfilter.Ipsets} (one
 * {@code ipset restore} per batch, built with {@link io.kuberouter.kernel.api.netfilter.IpsetBatch}).
 * Both work on the text formats of {@code iptables-save} and {@code ipset save}; a failing restore
 * throws {@link io.kuberouter.kernel.api.netfilter.RestoreException} naming the offending input line.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.netfilter;

import org.osgi.annotation.versioning.Version;
