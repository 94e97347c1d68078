/** The routing policy of {@link io.kuberouter.bgp.speaker.policy}, compiled for evaluation per route. */
package io.kuberouter.bgp.speaker.impl.policy;
