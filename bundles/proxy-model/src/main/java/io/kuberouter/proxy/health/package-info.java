/**
 * The {@code healthCheckNodePort} responder both proxy backends run (kube-router v2.11's NodePort health
 * checks, behaviour inventory §3.1): {@link io.kuberouter.proxy.health.HealthCheckPorts} builds the desired
 * port → (Service, local endpoints) map from a snapshot, {@link io.kuberouter.proxy.health.HealthCheckResponder}
 * runs one HTTP server per port answering {@code /healthz}.
 */
@Version("1.0.0")
package io.kuberouter.proxy.health;

import org.osgi.annotation.versioning.Version;
