package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Sysctls} through {@code /proc/sys}. The kernel resolves {@code /proc/sys/net/...} in the network
 * namespace of the task that opens the file, so each call acts on the calling thread's namespace (a
 * thread inside {@code Netns.call} sees that namespace's values). Failures carry operation {@code sysctl},
 * the key as object and the errno the file operation met (ENOENT for a missing key, EINVAL for a value
 * the kernel refuses).
 */
@Component(service = Sysctls.class)
public final class ProcSysctls implements Sysctls {

    private static final String OPERATION = "sysctl";
    private final Path root;

    /** Reads and writes {@code /proc/sys}. */
    public ProcSysctls() {
        this(Path.of("/proc/sys"));
    }

    /** Reads and writes below {@code root} (tests point it at a scratch directory). */
    ProcSysctls(Path root) {
        this.root = root;
    }

    @Override
    public String get(String key) throws KernelException {
        try {
            return Files.readString(path(key), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw failure(key, e);
        }
    }

    @Override
    public void set(String key, String value) throws KernelException {
        try {
            Files.writeString(path(key), value.strip() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw failure(key, e);
        }
    }

    private Path path(String key) {
        return root.resolve(Sysctls.key(key.split("/", -1)));
    }

    /** Maps a file error to its errno: Java reports the {@code strerror} text as the message. */
    private static KernelException failure(String key, IOException e) {
        Errno errno;
        if (e instanceof NoSuchFileException) {
            errno = Errno.ENOENT;
        } else if (e instanceof AccessDeniedException) {
            errno = Errno.EACCES;
        } else {
            String text = String.valueOf(e.getMessage());
            errno = Arrays.stream(Errno.values()).filter(x -> text.endsWith(x.description())).findFirst()
                    .orElse(Errno.EIO);
        }
        return new KernelException(OPERATION, key, errno.number(), "", e);
    }
}
