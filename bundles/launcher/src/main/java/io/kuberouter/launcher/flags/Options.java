package io.kuberouter.launcher.flags;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accepted command line: every flag's value (its default unless given), which flags were given, and the
 * secrets resolved by the start-up checks. Immutable. Obtained from {@link Outcome.Run}.
 */
public final class Options {

    private final Map<String, Object> values;
    private final Set<String> explicitlySet;
    private final ResolvedSecrets secrets;

    Options(Map<String, Object> values, Set<String> explicitlySet, ResolvedSecrets secrets) {
        this.values = new HashMap<>(values);
        this.explicitlySet = Set.copyOf(explicitlySet);
        this.secrets = secrets;
    }

    /** These options with the given secrets. */
    Options withSecrets(ResolvedSecrets resolved) {
        return new Options(values, explicitlySet, resolved);
    }

    /** The flag's value: what the command line gave, else its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Flag<T> flag) {
        return (T) values.get(flag.name());
    }

    /** Whether the command line gave the flag explicitly (even with its default value). */
    public boolean isSet(Flag<?> flag) {
        return explicitlySet.contains(flag.name());
    }

    /**
     * The global BGP peer passwords, base64-decoded (UTF-8), from {@code --peer-router-passwords}, else from
     * {@code --peer-router-passwords-file}. Empty when none are configured or the router does not run.
     */
    public List<String> peerRouterPasswords() {
        return secrets.peerRouterPasswords();
    }

    /**
     * The Web Console password from {@code --webconsole-password}, else from {@code --webconsole-password-file};
     * empty when none is set (then the Web Console is not installed) or no controller runs.
     */
    public String webConsolePassword() {
        return secrets.webConsolePassword();
    }

    /** Lists the explicitly given flags only, never a secret. */
    @Override
    public String toString() {
        return "Options" + explicitlySet.stream().sorted().toList();
    }
}
