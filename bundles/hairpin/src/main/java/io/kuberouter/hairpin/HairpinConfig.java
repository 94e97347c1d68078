package io.kuberouter.hairpin;

/**
 * The keys of the service proxy's configuration (PID {@code io.kuberouter.proxy}, written by the launcher from
 * kube-router's flags, docs/flags.md) that hairpin reads.
 * The proxy bundle describes the PID's metatype; this component property type only reads it.
 */
@interface HairpinConfig {

    String PID = "io.kuberouter.proxy";

    /** --hairpin-mode: hairpin rules for every Service, not only annotated ones */
    boolean hairpin_mode() default false;

    /** --ipvs-sync-period in milliseconds: the longest time between hairpin syncs */
    long ipvs_sync_period() default 300_000L;

    /** --enable-ipv4 */
    boolean enable_ipv4() default true;

    /** --enable-ipv6 */
    boolean enable_ipv6() default false;
}
