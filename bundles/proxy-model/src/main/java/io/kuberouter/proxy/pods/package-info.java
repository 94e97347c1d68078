/**
 * Finding a pod's network namespace from the node by the pod's IP, without the container runtime: for the
 * service proxy's extensions that program inside pods (DSR tunnels) or check their links (hairpin).
 */
@Version("1.0.0")
package io.kuberouter.proxy.pods;

import org.osgi.annotation.versioning.Version;
