/**
 * Network interfaces: {@link io.kuberouter.kernel.api.link.Links} creates, changes and lists them;
 * {@link io.kuberouter.kernel.api.link.LinkSpec} describes the kinds the agent creates.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.link;

import org.osgi.annotation.versioning.Version;
