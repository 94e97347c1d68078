/**
 * The NetworkPolicy firewall's read-only view of what it last programmed, for the Web Console and the
 * {@code kr:policies} command: per local pod, the policies that select it and the chains that result
 * ({@link io.kuberouter.api.firewall.FirewallView}, registered by the running firewall).
 */
@Version("1.0.0")
package io.kuberouter.api.firewall;

import org.osgi.annotation.versioning.Version;
