/**
 * Routes ({@code RTM_*ROUTE}) in any table: {@link io.kuberouter.kernel.api.route.Routes}.
 */
@Version("1.0.0")
package io.kuberouter.kernel.api.route;

import org.osgi.annotation.versioning.Version;
