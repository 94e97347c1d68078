package io.kuberouter.launcher.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The distribution's {@code bundle/} folder, which holds exactly one version of each bundle as
 * {@code ARTIFACTID-VERSION.jar}.
 */
final class BundleRepository {

    private final Path dir;

    BundleRepository(Path dir) {
        this.dir = dir;
    }

    /**
     * @throws IOException when no jar or more than one jar matches the bundle's artifactId
     */
    Path resolve(Feature.BundleRef ref) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(ref.artifactId()) + "-\\d[^/]*\\.jar");
        List<Path> matches;
        try (Stream<Path> files = Files.list(dir)) {
            matches = files.filter(f -> name.matcher(f.getFileName().toString()).matches()).toList();
        }
        if (matches.size() != 1) {
            throw new IOException("bundle " + ref.id() + ": expected one jar in " + dir + ", found " + matches);
        }
        return matches.get(0);
    }
}
