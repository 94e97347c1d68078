package io.kuberouter.router.cni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files replaced atomically: readers (the CNI runtime) see the old or the new content, never a partial one. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} to {@code path} through a sibling temp file moved over it, with {@code mode}. */
    static void replace(Path path, String text, String mode) throws IOException {
        Path temp = path.resolveSibling("." + path.getFileName() + ".kube-router.tmp");
        Files.writeString(temp, text);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(mode));
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
