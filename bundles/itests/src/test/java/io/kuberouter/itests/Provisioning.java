package io.kuberouter.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import io.kuberouter.launcher.runtime.Feature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * Provisions pax-exam with exactly the bundles that the distribution's feature descriptors name,
 * at their start levels: ours from the reactor's {@code target/bundles}, third-party ones from
 * the local repository at the versions of this module's pom.
 */
final class Provisioning {

    private Provisioning() {
    }

    static List<Option> features(String... names) throws IOException {
        Path dir = Path.of(System.getProperty("itest.features"));
        Path reactor = Path.of(System.getProperty("itest.bundles"));
        List<Option> options = new ArrayList<>();
        for (String name : names) {
            for (Feature.BundleRef ref : Feature.read(dir.resolve(name + ".json")).bundles()) {
                String group = ref.id().substring(0, ref.id().indexOf(':'));
                Option bundle = "io.kuberouter".equals(group)
                        ? bundle(reactor.resolve(ref.artifactId() + ".jar").toUri().toString())
                                .startLevel(ref.startLevel())
                        : mavenBundle(group, ref.artifactId()).versionAsInProject().startLevel(ref.startLevel());
                options.add(bundle);
            }
        }
        return options;
    }
}
