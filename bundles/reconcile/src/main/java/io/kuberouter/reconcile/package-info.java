/**
 * The controller skeleton every capability of the agent follows (style guide §10 point 8):
 * change tracker, bounded-frequency runner, pure desired-state builder, reconciler.
 *
 * <pre>
 *  informer threads                 the runner's thread
 *  ChangeTracker.put / remove  --&gt;  SyncFunction: drain() -&gt; pure builder -&gt; Reconciler -&gt; Operations
 *  BoundedFrequencyRunner.run()      (coalesced, min/max interval, retry after failure)
 * </pre>
 *
 * <ul>
 *   <li>{@link io.kuberouter.reconcile.ChangeTracker} records what changed since the last sync
 *       and drops changes that return to the last synced value (kube-proxy's change tracker).</li>
 *   <li>{@link io.kuberouter.reconcile.BoundedFrequencyRunner} coalesces sync requests and runs the
 *       sync function on one dedicated thread, bounded by a minimum and a maximum interval, with a
 *       retry after failures (kube-proxy's {@code bounded_frequency_runner.go}).</li>
 *   <li>The desired-state builder is the capability's own pure function from cluster state to a
 *       map of dataplane objects; it is not part of this package.</li>
 *   <li>{@link io.kuberouter.reconcile.Reconciler} applies the builder's output through the
 *       capability's {@link io.kuberouter.reconcile.Operations}, keeps a
 *       {@link io.kuberouter.reconcile.Status} per object and prunes only while the
 *       {@link io.kuberouter.reconcile.PruneGate} is open (cilium's statedb reconciler).</li>
 * </ul>
 *
 * <p>A controller wires them like this (names illustrative):
 *
 * <pre>{@code
 * ChangeTracker<ObjectKey, Service> services = new ChangeTracker<>();
 * PruneGate.Initializer init = sharedGate.register("proxy/ipvs");
 * Reconciler<VirtualServerId, VirtualServer> reconciler = new Reconciler<>(ipvsOperations, sharedGate);
 * BoundedFrequencyRunner runner = BoundedFrequencyRunner.builder("kr-proxy-ipvs", () -> {
 *     boolean changed = !services.drain().isEmpty();
 *     Map<VirtualServerId, VirtualServer> desired = VirtualServers.build(services.snapshot());
 *     if (changed) {
 *         reconciler.reconcile(desired);      // delta only
 *     } else {
 *         reconciler.reconcileFull(desired);  // periodic run: repair drift and prune
 *     }
 *     init.complete();                        // reached only after a successful round
 * }).minInterval(Duration.ofSeconds(1)).maxInterval(Duration.ofMinutes(5))
 *   .retryInterval(Duration.ofSeconds(10)).build();
 * // informer callbacks: services.put(key, svc); runner.run();
 * }</pre>
 *
 * <p>Nothing here depends on an OSGi runtime; the package is a plain Java 17 library.
 */
@Version("1.1.0")
package io.kuberouter.reconcile;

import org.osgi.annotation.versioning.Version;
