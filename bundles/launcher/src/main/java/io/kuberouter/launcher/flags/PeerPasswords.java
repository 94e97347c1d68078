package io.kuberouter.launcher.flags;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The global BGP peer passwords: base64 (Go's standard encoding: padding required, line breaks ignored) from
 * {@code --peer-router-passwords}, else from the comma list in {@code --peer-router-passwords-file}. Blank items
 * stand for peers without a password. Messages are upstream's, except that a malformed item is named by its position
 * instead of being echoed: it is a secret, or a plain-text password given by mistake.
 */
final class PeerPasswords {

    private PeerPasswords() {
    }

    /**
     * @return the decoded passwords as UTF-8 text, in peer order; empty when neither flag is set
     * @throws CommandLineException (start-up) when the file cannot be read or an item is not base64
     */
    static List<String> resolve(Options options) {
        List<String> fromFlag = options.get(BgpFlags.PEER_ROUTER_PASSWORDS);
        if (!fromFlag.isEmpty()) {
            return decodeAll(fromFlag, "failed to parse CLI Peer Passwords flag: ");
        }
        String file = options.get(BgpFlags.PEER_ROUTER_PASSWORDS_FILE);
        if (file.isEmpty()) {
            return List.of();
        }
        String content;
        try {
            content = GoFiles.read(file);
        } catch (IllegalArgumentException unreadable) {
            throw CommandLineException.startup("error loading Peer Passwords File : " + unreadable.getMessage());
        }
        return decodeAll(Arrays.asList(content.split(",", -1)), "failed to decode CLI Peer Passwords file: ");
    }

    private static List<String> decodeAll(List<String> items, String failurePrefix) {
        List<String> decoded = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String encoded = items.get(i).replace("\r", "").replace("\n", "");
            try {
                if (encoded.length() % 4 != 0) {
                    throw new IllegalArgumentException("missing padding");
                }
                decoded.add(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                throw CommandLineException.startup(failurePrefix + "could not parse item " + (i + 1)
                        + " as a base64 encoded string (value not shown)");
            }
        }
        return decoded;
    }
}
