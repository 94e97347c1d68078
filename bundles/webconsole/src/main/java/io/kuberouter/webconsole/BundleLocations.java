package io.kuberouter.webconsole;

import java.util.regex.Pattern;

/**
 * Which installed bundle a feature's {@code groupId:artifactId} names, judged by the bundle's
 * location as the runtimes install it: the launcher from the distribution's
 * {@code bundle/ARTIFACTID-VERSION.jar}, pax-exam from {@code mvn:GROUP/ARTIFACT/VERSION} or a
 * copied {@code ARTIFACTID.jar}.
 */
final class BundleLocations {

    private BundleLocations() {
    }

    static boolean names(String location, FeatureDescriptor.BundleRef ref) {
        String mvn = "mvn:" + ref.groupId() + "/" + ref.artifactId();
        if (location.startsWith(mvn)) {
            return location.length() == mvn.length() || location.charAt(mvn.length()) == '/';
        }
        String file = location.substring(location.lastIndexOf('/') + 1);
        return Pattern.matches(Pattern.quote(ref.artifactId()) + "(-\\d[^/]*)?\\.jar", file);
    }
}
