package io.kuberouter.kernel.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The guest runner scripts {@code uml-run.sh} and {@code guest-init.sh} (usage in their headers and in
 * docs/testing.md), for tools that run a command in a user-mode-linux guest outside JUnit, such as the lab CLI.
 */
public final class UmlScripts {
    private static final String RESOURCES = "/io/kuberouter/kernel/harness/";

    private UmlScripts() {
    }

    /**
     * Copies both scripts into {@code dir}, next to each other as uml-run.sh expects; returns the path of
     * uml-run.sh (run it with {@code bash}). The caller owns {@code dir} and deletes it.
     */
    public static Path extract(Path dir) throws IOException {
        copy(dir, "guest-init.sh");
        return copy(dir, "uml-run.sh");
    }

    private static Path copy(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = UmlScripts.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCES + name);
            }
            Files.copy(in, target);
        }
        return target;
    }
}
