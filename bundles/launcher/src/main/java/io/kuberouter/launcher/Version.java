package io.kuberouter.launcher;

/** The {@code -V/--version} line. */
final class Version {

    /** The kube-router release whose flags, names and behaviour this agent follows. */
    static final String COMPATIBLE_WITH = "v2.11";

    private Version() {
    }

    static String line() {
        String version = Main.class.getPackage().getImplementationVersion();
        return "Running kube-router-jvm version " + (version == null ? "(development build)" : version)
                + ", compatible with kube-router " + COMPATIBLE_WITH + ", java " + Runtime.version();
    }
}
