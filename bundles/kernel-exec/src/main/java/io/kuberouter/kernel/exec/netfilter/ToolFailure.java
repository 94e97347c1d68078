package io.kuberouter.kernel.exec.netfilter;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.exec.process.ProcessResult;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns a failed tool run into an exception naming the offending input line. */
final class ToolFailure {

    /**
     * How the tools name the failing line: {@code Error occurred at line: 4} (iptables),
     * {@code line 5 failed} (iptables-nft at commit), {@code COMMIT expected at line 4},
     * {@code Error in line 3: ...} (ipset).
     */
    private static final Pattern LINE = Pattern.compile("(?i)\\bline:?\\s*(\\d+)");
    /** Objects iptables-nft only resolves at COMMIT, and how a rule refers to them. */
    private static final Pattern MISSING_CHAIN = Pattern.compile("Chain '([^']+)' does not exist");
    private static final Pattern MISSING_SET = Pattern.compile("Set (\\S+) doesn't exist");

    private ToolFailure() {
    }

    /** A restore failure: line number and text from stderr and the input, stderr summarised. */
    static RestoreException restore(ProcessResult result, String object, CharSequence input) {
        String stderr = summary(result.stderr());
        Matcher m = LINE.matcher(result.stderr());
        int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
        String text = line > 0 ? line(input, line) : "";
        if (text.equals("COMMIT")) {
            line = referenceBefore(input, line, result.stderr());
            text = line(input, line);
        }
        if (stderr.isEmpty()) {
            stderr = "exit status " + result.exitCode();
        }
        return new RestoreException(tool(result), object, text.isEmpty() ? 0 : line, text, stderr);
    }

    /** A failure without input lines (save, list). */
    static KernelException other(ProcessResult result, String object, int errno) {
        String stderr = summary(result.stderr());
        return new KernelException(tool(result), object, errno,
                stderr.isEmpty() ? "exit status " + result.exitCode() : stderr);
    }

    /** The tool's name: the first command word after any namespace prefix. */
    private static String tool(ProcessResult result) {
        var cmd = result.command();
        int i = cmd.size() > 4 && cmd.get(0).equals("ip") && cmd.get(1).equals("netns") ? 4
                : cmd.get(0).equals("nsenter") ? 2 : 0;
        return cmd.get(Math.min(i, cmd.size() - 1));
    }

    /** stderr without usage hints, line pointers and warnings, lines joined with "; ". */
    static String summary(String stderr) {
        return stderr.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Try `") && !l.startsWith("Error occurred at line")
                        && !l.startsWith("# Warning"))
                .collect(Collectors.joining("; "));
    }

    /**
     * iptables-nft reports a missing jump target or ipset at the block's COMMIT line; this finds the
     * first rule before it that refers to the missing object, or keeps the COMMIT line.
     */
    static int referenceBefore(CharSequence input, int commitLine, String stderr) {
        Matcher chain = MISSING_CHAIN.matcher(stderr);
        Matcher set = MISSING_SET.matcher(stderr);
        Pattern reference = chain.find() ? Pattern.compile("\\s-[jg]\\s+" + Pattern.quote(chain.group(1)) + "(\\s|$)")
                : set.find() ? Pattern.compile("--match-set\\s+" + Pattern.quote(set.group(1)) + "\\s") : null;
        if (reference == null) {
            return commitLine;
        }
        Iterator<String> lines = input.toString().lines().iterator();
        for (int n = 1; n < commitLine && lines.hasNext(); n++) {
            if (reference.matcher(lines.next()).find()) {
                return n;
            }
        }
        return commitLine;
    }

    /** Text of 1-based line {@code n} of {@code input}, empty if it has fewer lines. */
    static String line(CharSequence input, int n) {
        int start = 0;
        for (int current = 1; current < n; current++) {
            int nl = indexOf(input, '\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = indexOf(input, '\n', start);
        return input.subSequence(start, end < 0 ? input.length() : end).toString().strip();
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
