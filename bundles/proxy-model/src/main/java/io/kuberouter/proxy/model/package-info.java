/**
 * The service proxy's pure desired-state builder, shared by its backends (IPVS in {@code proxy-ipvs},
 * nftables in {@code proxy-nft}): {@link io.kuberouter.proxy.model.ServiceModelBuilder} turns one Service, its
 * EndpointSlices, this node ({@link io.kuberouter.proxy.model.NodeContext}) and the flags
 * ({@link io.kuberouter.proxy.model.Settings}) into the backend-neutral
 * {@link io.kuberouter.api.proxy.ProxiedService}, reporting skipped input as problems. A library: no
 * services, no state.
 */
@Version("1.0.0")
package io.kuberouter.proxy.model;

import org.osgi.annotation.versioning.Version;
