package io.kuberouter.kernel.api.netfilter;

import io.kuberouter.kernel.api.KernelException;
import java.util.Objects;

/**
 * A restore batch was rejected. For iptables nothing of the failing table was committed; for ipset
 * the batch stopped at {@link #line()} and only part of the commands before it took effect (see
 * {@link Ipsets#restore(CharSequence)}).
 */
public class RestoreException extends KernelException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String lineText;

    /**
     * @param tool tool that failed, e.g. {@code iptables-nft-restore}
     * @param object what was restored (table name, or empty for ipset)
     * @param line 1-based number of the offending input line, 0 if the tool did not name one
     * @param lineText text of that line, empty if unknown
     * @param stderr what the tool wrote to stderr (trimmed)
     */
    public RestoreException(String tool, String object, int line, String lineText, String stderr) {
        super(tool, object, 0, detail(line, lineText, stderr));
        this.line = line;
        this.lineText = Objects.requireNonNull(lineText, "lineText");
    }

    /** 1-based number of the offending input line, 0 if unknown. */
    public int line() {
        return line;
    }

    /** Text of the offending line, empty if unknown. */
    public String lineText() {
        return lineText;
    }

    private static String detail(int line, String lineText, String stderr) {
        if (line <= 0) {
            return stderr;
        }
        return "line " + line + " failed: " + lineText + (stderr.isEmpty() ? "" : ": " + stderr);
    }
}
