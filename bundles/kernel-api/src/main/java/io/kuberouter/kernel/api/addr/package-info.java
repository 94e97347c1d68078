/**
 * Interface addresses ({@code RTM_*ADDR}): {@link io.kuberouter.kernel.api.addr.Addresses}.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.addr;

import org.osgi.annotation.versioning.Version;
