package io.kuberouter.launcher.flags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Our {@code --service-proxy-backend} (kube-router has only IPVS): {@code ipvs} (the default, kube-router's
 * behaviour), {@code nftables}, or {@code auto} = IPVS when the kernel has it ({@code /proc/net/ip_vs} exists,
 * or appears after {@code modprobe ip_vs}), nftables otherwise. The choice decides which backend's configuration
 * the launcher writes ({@code io.kuberouter.proxy} or {@code io.kuberouter.proxy.nft}); both backends ship in
 * the {@code proxy} feature and each starts only with its configuration, so one runs at a time.
 */
public final class ServiceProxyBackend {

    public static final String IPVS = "ipvs";
    public static final String NFTABLES = "nftables";
    public static final String AUTO = "auto";
    static final List<String> VALUES = List.of(AUTO, IPVS, NFTABLES);

    private static final Path IPVS_PROC = Path.of("/proc/net/ip_vs");

    private ServiceProxyBackend() {
    }

    /** The flag's parser: one of {@link #VALUES}, case-insensitive. */
    static String parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!VALUES.contains(value)) {
            throw new IllegalArgumentException("invalid service proxy backend \"" + text + "\": expected one of "
                    + String.join(", ", VALUES));
        }
        return value;
    }

    /** {@link #IPVS} or {@link #NFTABLES}: the flag's value, {@code auto} resolved by probing this kernel. */
    public static String resolve(Options options) {
        String chosen = options.get(ExtensionFlags.SERVICE_PROXY_BACKEND);
        if (!AUTO.equals(chosen)) {
            return chosen;
        }
        return ipvsAvailable() ? IPVS : NFTABLES;
    }

    private static boolean ipvsAvailable() {
        if (Files.exists(IPVS_PROC)) {
            return true;
        }
        try {
            Process modprobe = new ProcessBuilder("modprobe", "-q", "ip_vs").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return modprobe.waitFor(10, TimeUnit.SECONDS) && modprobe.exitValue() == 0 && Files.exists(IPVS_PROC);
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
