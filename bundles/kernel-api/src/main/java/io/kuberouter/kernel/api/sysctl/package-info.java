/**
 * Kernel parameters under {@code /proc/sys}: {@link io.kuberouter.kernel.api.sysctl.Sysctls}.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.sysctl;

import org.osgi.annotation.versioning.Version;
