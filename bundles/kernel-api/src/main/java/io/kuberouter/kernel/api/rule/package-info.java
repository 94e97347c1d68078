/**
 * Policy routing rules ({@code RTM_*RULE}): {@link io.kuberouter.kernel.api.rule.Rules}.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.rule;

import org.osgi.annotation.versioning.Version;
