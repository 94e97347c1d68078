package io.kuberouter.launcher.flags;

import java.util.List;

/**
 * Secrets the start-up checks resolve from flags and files.
 *
 * @param peerRouterPasswords the decoded global BGP peer passwords (blank ones kept), empty when none
 * @param webConsolePassword the Web Console password, empty when none is set
 */
record ResolvedSecrets(List<String> peerRouterPasswords, String webConsolePassword) {

    /** Nothing resolved: used when kube-router would not start any controller. */
    static final ResolvedSecrets NONE = new ResolvedSecrets(List.of(), "");

    ResolvedSecrets {
        peerRouterPasswords = List.copyOf(peerRouterPasswords);
    }

    @Override
    public String toString() {
        return "ResolvedSecrets[" + peerRouterPasswords.size() + " peer passwords, web console password "
                + (webConsolePassword.isEmpty() ? "unset" : "set") + "]";
    }
}
