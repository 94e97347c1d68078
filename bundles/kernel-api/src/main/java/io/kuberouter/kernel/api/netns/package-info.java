/**
 * Network namespaces: {@link io.kuberouter.kernel.api.netns.Netns} runs an operation inside a
 * namespace named by {@link io.kuberouter.kernel.api.netns.NetnsRef}.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.netns;

import org.osgi.annotation.versioning.Version;
