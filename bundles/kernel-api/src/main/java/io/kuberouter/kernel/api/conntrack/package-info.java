/**
 * Connection tracking cleanup: {@link io.kuberouter.kernel.api.conntrack.Conntrack}.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.conntrack;

import org.osgi.annotation.versioning.Version;
