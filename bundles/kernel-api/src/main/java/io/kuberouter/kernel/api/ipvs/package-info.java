/**
 * IP Virtual Server (generic netlink family {@code IPVS}): virtual services, their destinations,
 * statistics and global timeouts, through {@link io.kuberouter.kernel.api.ipvs.Ipvs}.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.ipvs;

import org.osgi.annotation.versioning.Version;
