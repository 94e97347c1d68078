package io.kuberouter.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A rebuilt version of a bundle, as a new build of the same sources would give: the same classes with the
 * {@code Bundle-Version} qualifier replaced, so the framework sees a different version of the same bundle.
 */
final class RebuiltBundle {

    private RebuiltBundle() {
    }

    /** Writes {@code jar} with qualifier {@code qualifier} to {@code target}; returns the new version. */
    static String write(Path jar, String qualifier, Path target) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            String[] old = main.getValue("Bundle-Version").split("\\.");
            String version = old[0] + "." + old[1] + "." + old[2] + "." + qualifier;
            main.putValue("Bundle-Version", version);
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file,
                    manifest)) {
                copyEntries(in, out);
            }
            return version;
        }
    }

    private static void copyEntries(JarFile in, JarOutputStream out) throws IOException {
        for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                continue;
            }
            out.putNextEntry(new JarEntry(entry.getName()));
            try (InputStream data = in.getInputStream(entry)) {
                data.transferTo(out);
            }
            out.closeEntry();
        }
    }
}
