package io.kuberouter.kernel.api.netfilter;

/** Which kernel interface the iptables tools drive. */
public enum IptablesBackend {
    /** x_tables ({@code iptables-legacy}). */
    LEGACY,
    /** nf_tables through the iptables-nft compatibility layer ({@code iptables-nft}). */
    NFT
}
