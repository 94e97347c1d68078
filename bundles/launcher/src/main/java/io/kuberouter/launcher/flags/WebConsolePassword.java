package io.kuberouter.launcher.flags;

/**
 * The Web Console password: {@code --webconsole-password}, else the content of {@code --webconsole-password-file}
 * without one trailing line break. Empty means "no Web Console": there are no default credentials.
 */
final class WebConsolePassword {

    private WebConsolePassword() {
    }

    /** @throws CommandLineException (start-up) when the password file cannot be read */
    static String resolve(Options options) {
        String password = options.get(ExtensionFlags.WEBCONSOLE_PASSWORD);
        String file = options.get(ExtensionFlags.WEBCONSOLE_PASSWORD_FILE);
        if (!password.isEmpty() || file.isEmpty()) {
            return password;
        }
        try {
            return GoFiles.read(file).replaceFirst("\r?\n\\z", "");
        } catch (IllegalArgumentException unreadable) {
            throw CommandLineException.startup(
                    "failed to read --" + ExtensionFlags.WEBCONSOLE_PASSWORD_FILE.name() + ": " + unreadable.getMessage());
        }
    }
}
