package io.kuberouter.launcher.flags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a small file the way Go's {@code os.ReadFile} reports it, e.g. {@code open /x: no such file or directory}. */
final class GoFiles {

    private GoFiles() {
    }

    /**
     * @return the file's content as UTF-8 text (malformed bytes replaced, never refused)
     * @throws IllegalArgumentException with a Go-style message naming the path
     */
    static String read(String path) {
        Path file = Path.of(path);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("read " + path + ": is a directory");
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException("open " + path + ": no such file or directory", missing);
        } catch (AccessDeniedException denied) {
            throw new IllegalArgumentException("open " + path + ": permission denied", denied);
        } catch (IOException | RuntimeException other) {
            throw new IllegalArgumentException("read " + path + ": " + other.getMessage(), other);
        }
    }
}
