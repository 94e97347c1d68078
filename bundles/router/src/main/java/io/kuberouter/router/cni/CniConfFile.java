package io.kuberouter.router.cni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The CNI conf file kube-router edits: {@code KUBE_ROUTER_CNI_CONF_FILE}, default
 * {@code /etc/cni/net.d/10-kuberouter.conf}. It must exist (the DaemonSet's init container installs it); it is
 * rewritten (0644, atomically) only when the pod CIDRs are not in it yet.
 */
public final class CniConfFile {

    public static final String ENVIRONMENT = "KUBE_ROUTER_CNI_CONF_FILE";
    public static final String DEFAULT = "/etc/cni/net.d/10-kuberouter.conf";

    private final Path path;

    public CniConfFile(Path path) {
        this.path = path;
    }

    /** The configured file, else the environment's, else upstream's default. */
    public static CniConfFile resolve(String configured) {
        String env = System.getenv(ENVIRONMENT);
        return new CniConfFile(Path.of(!configured.isEmpty() ? configured
                : env != null && !env.isEmpty() ? env : DEFAULT));
    }

    public Path path() {
        return path;
    }

    /**
     * Puts {@code podCidrs} into the file.
     *
     * @return true when the file was rewritten
     * @throws IOException when the file is missing or cannot be written
     * @throws IllegalArgumentException when it holds no bridge plugin or no JSON
     */
    public boolean write(List<String> podCidrs) throws IOException {
        return replace(CniConf.withPodCidrs(Files.readString(path), podCidrs));
    }

    /**
     * Takes {@code podCidrs} out of the file's ranges again.
     *
     * @return true when the file was rewritten
     */
    public boolean remove(List<String> podCidrs) throws IOException {
        return replace(CniConf.withoutPodCidrs(Files.readString(path), podCidrs));
    }

    private boolean replace(Optional<String> updated) throws IOException {
        if (updated.isEmpty()) {
            return false;
        }
        Path temp = path.resolveSibling("." + path.getFileName() + ".kube-router.tmp");
        Files.writeString(temp, updated.get());
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
