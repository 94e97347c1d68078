package io.kuberouter.kernel.exec.syntax;

/** A script line is malformed or cannot be applied; carries the 1-based line number and its text. */
public class ScriptException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String lineText;
    private final String reason;

    public ScriptException(int line, String lineText, String reason) {
        super("line " + line + ": " + reason + ": " + lineText);
        this.line = line;
        this.lineText = lineText;
        this.reason = reason;
    }

    /** 1-based number of the offending line. */
    public int line() {
        return line;
    }

    public String lineText() {
        return lineText;
    }

    /** The reason without the line prefix. */
    public String reason() {
        return reason;
    }
}
