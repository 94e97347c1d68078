package io.kuberouter.k8s;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * API access and node identity. The launcher fills this PID from kube-router's flags
 * ({@code docs/flags.md}); durations are milliseconds.
 */
@ObjectClassDefinition(id = K8sConfig.PID, name = "kube-router: Kubernetes API",
        description = "How the agent reaches the API server and which node it is.")
@interface K8sConfig {

    String PID = "io.kuberouter.k8s";

    @AttributeDefinition(description = "--kubeconfig: path to a kubeconfig; empty means in-cluster")
    String kubeconfig() default "";

    @AttributeDefinition(description = "--master: API server address, overrides the kubeconfig's")
    String master() default "";

    @AttributeDefinition(description = "--hostname-override: node name; else $NODE_NAME, else the host name")
    String hostname_override() default "";

    @AttributeDefinition(description = "--cache-sync-timeout in milliseconds", min = "1")
    long cache_sync_timeout() default 60_000L;

    @AttributeDefinition(description = "--enable-ipv4")
    boolean enable_ipv4() default true;

    @AttributeDefinition(description = "--enable-ipv6")
    boolean enable_ipv6() default false;
}
