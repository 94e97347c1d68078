package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.ValueTypes.BOOL;
import static io.kuberouter.launcher.flags.ValueTypes.STRING;
import static io.kuberouter.launcher.flags.ValueTypes.UINT16;

import java.util.List;

/**
 * Flags kube-router-jvm adds to kube-router's: the Felix Web Console, the state directory, standalone mode,
 * node-driven capabilities and the service proxy backend. Their help text starts
 * with {@link Flag#EXTENSION_MARK}. There are no default Web Console credentials: without a password it is not
 * installed at all.
 */
public final class ExtensionFlags {

    public static final Flag<String> WEBCONSOLE_ADDR = Flag.extension("webconsole-addr", STRING, "127.0.0.1",
            "Address the Felix Web Console listens on.");
    public static final Flag<Long> WEBCONSOLE_PORT = Flag.extension("webconsole-port", UINT16, 20245L,
            "Port the Felix Web Console listens on.");
    public static final Flag<String> WEBCONSOLE_USER = Flag.extension("webconsole-user", STRING, "admin",
            "User name for the Felix Web Console.");
    public static final Flag<String> WEBCONSOLE_PASSWORD = Flag.extension("webconsole-password", STRING, "",
            "Password for the Felix Web Console. The Web Console is installed only when a password is set (here or "
                    + "in --webconsole-password-file); there are no default credentials.");
    public static final Flag<String> WEBCONSOLE_PASSWORD_FILE = Flag.extension("webconsole-password-file", STRING,
            "", "Path to a file holding the Felix Web Console password (one trailing line break is ignored). "
                    + "--webconsole-password will be preferred if both are set.");
    public static final Flag<String> STATE_DIR = Flag.extension("state-dir", STRING, "/var/lib/kube-router-jvm",
            "Directory for kube-router-jvm's state: the OSGi framework cache.");

    public static final Flag<String> STANDALONE = Flag.extension("standalone", STRING, "",
            "Run without a cluster: start an embedded Kubernetes API on 127.0.0.1, seeded from the YAML/JSON "
                    + "manifests in this directory and kept equal to them while the agent runs; --master is set to it.");

    public static final Flag<Boolean> NODE_CAPABILITIES = Flag.extension("node-capabilities", BOOL, false,
            "Also run the capability features (proxy, dsr, hairpin, firewall, router, bgp, lballoc) that the Node's "
                    + "kube-router.io/capabilities annotation lists, comma-separated, and follow it live. The agent "
                    + "then starts even when no --run-* flag is on.");

    public static final Flag<String> SERVICE_PROXY_BACKEND = Flag.extension("service-proxy-backend",
            ValueTypes.PROXY_BACKEND, ServiceProxyBackend.IPVS,
            "Service proxy backend: ipvs (kube-router's), nftables (one table inet kube-router-proxy; for kernels "
                    + "without IPVS), or auto (ipvs when /proc/net/ip_vs exists or modprobe ip_vs works, else "
                    + "nftables).");

    private ExtensionFlags() {
    }

    static List<Flag<?>> all() {
        return List.of(WEBCONSOLE_ADDR, WEBCONSOLE_PORT, WEBCONSOLE_USER, WEBCONSOLE_PASSWORD,
                WEBCONSOLE_PASSWORD_FILE, STATE_DIR, STANDALONE, NODE_CAPABILITIES, SERVICE_PROXY_BACKEND);
    }
}
