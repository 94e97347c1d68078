package io.kuberouter.router.cni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CNI conf file kube-router edits: {@code KUBE_ROUTER_CNI_CONF_FILE}, default
 * {@code /etc/cni/net.d/10-kuberouter.conf}. It must exist (the DaemonSet's init container installs it); it is
 * rewritten (0644, atomically) only when the pod CIDRs or the MTU are not in it yet. The ranges the router adds are
 * put in the {@link CniRangeRecord} before the file is rewritten, so a later {@code --cleanup-config} finds them.
 */
public final class CniConfFile {

    public static final String ENVIRONMENT = "KUBE_ROUTER_CNI_CONF_FILE";
    public static final String DEFAULT = "/etc/cni/net.d/10-kuberouter.conf";

    private final Path path;
    private final CniRangeRecord record;

    public CniConfFile(Path path, CniRangeRecord record) {
        this.path = path;
        this.record = record;
    }

    /** The configured file, else the environment's, else upstream's default. */
    public static CniConfFile resolve(String configured, CniRangeRecord record) {
        String env = System.getenv(ENVIRONMENT);
        return new CniConfFile(Path.of(!configured.isEmpty() ? configured
                : env != null && !env.isEmpty() ? env : DEFAULT), record);
    }

    public Path path() {
        return path;
    }

    /**
     * Puts {@code podCidrs} (and {@code mtu}, when present) into the file.
     *
     * @return the edit made, empty when the file already had them
     * @throws IOException when the file is missing or it or the record cannot be written
     * @throws IllegalArgumentException when it holds no bridge plugin or no JSON
     */
    public Optional<CniConf.Edit> write(List<String> podCidrs, OptionalInt mtu) throws IOException {
        Optional<CniConf.Edit> edit = CniConf.withPodCidrs(Files.readString(path), podCidrs, mtu);
        if (edit.isPresent()) {
            record.add(path, edit.get().added());
            AtomicFiles.replace(path, edit.get().text(), "rw-r--r--");
        }
        return edit;
    }
}
