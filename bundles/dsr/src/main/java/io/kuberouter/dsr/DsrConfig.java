package io.kuberouter.dsr;

/**
 * The keys of the service proxy's configuration (PID {@code io.kuberouter.proxy}, written by the launcher from
 * kube-router's flags, docs/flags.md) that DSR reads. {@code runtime.endpoint} ({@code --runtime-endpoint}) is
 * accepted and not needed: DSR finds pod namespaces without the container runtime (docs/dsr.md).
 * The proxy bundle describes the PID's metatype; this component property type only reads it.
 */
@interface DsrConfig {

    String PID = "io.kuberouter.proxy";

    /** --ipvs-sync-period in milliseconds: the longest time between DSR syncs */
    long ipvs_sync_period() default 300_000L;

    /** --enable-ipv4 */
    boolean enable_ipv4() default true;

    /** --enable-ipv6 */
    boolean enable_ipv6() default false;
}
