package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the arguments of one rule and renders them in {@code iptables-restore} syntax (an argument with
 * whitespace or quotes is double-quoted, {@code "} and {@code \} escaped). Comments are sanitised and clamped like
 * upstream's {@code clampComment}: control characters removed, at most 120 characters.
 */
final class RuleText {

    static final int MAX_COMMENT = 120;
    /** Set by a rule that a policy allows the packet ({@code KUBE-NWPLCY-*}, {@code KUBE-NWPLCY-DEFAULT}). */
    static final String MATCHED_MARK = "0x10000/0x10000";
    /** Set by a pod chain that let the packet through; {@code KUBE-NWPLCY-TAIL} accepts on it. */
    static final String ACCEPTED_MARK = "0x20000/0x20000";

    private final List<String> args = new ArrayList<>();

    static RuleText rule() {
        return new RuleText();
    }

    RuleText comment(String text) {
        return add("-m", "comment", "--comment", clamp(text));
    }

    RuleText source(String address) {
        return add("-s", address);
    }

    RuleText destination(String address) {
        return add("-d", address);
    }

    /** {@code -m set --match-set SET src|dst}. */
    RuleText set(String set, String direction) {
        return add("-m", "set", "--match-set", set, direction);
    }

    /** {@code -p PROTO} and, unless {@code dport} is empty, {@code -m PROTO --dport DPORT}. */
    RuleText port(Protocol protocol, String dport) {
        String p = protocol.name().toLowerCase(Locale.ROOT);
        add("-p", p);
        return dport.isEmpty() ? this : add("-m", p, "--dport", dport);
    }

    RuleText add(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** This rule's arguments, then {@code -j TARGET [target options]}, rendered. */
    String jump(String target, String... options) {
        List<String> all = new ArrayList<>(args);
        all.add("-j");
        all.add(target);
        all.addAll(List.of(options));
        return render(all);
    }

    /** The arguments as written, rendered; for rules whose target comes before their matches. */
    String text() {
        return render(args);
    }

    /** Upstream's allow pattern: mark the match, then return while marked. */
    List<String> markAndReturn() {
        String mark = jump("MARK", "--set-xmark", MATCHED_MARK);
        String ret = copy().add("-m", "mark", "--mark", MATCHED_MARK).jump("RETURN");
        return List.of(mark, ret);
    }

    private RuleText copy() {
        RuleText c = new RuleText();
        c.args.addAll(args);
        return c;
    }

    /** Joins arguments as {@code iptables-restore} reads them. */
    static String render(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (a.isEmpty() || a.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
                sb.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(a);
            }
        }
        return sb.toString();
    }

    /** Upstream's {@code clampComment}: no control characters, at most {@value #MAX_COMMENT} characters. */
    static String clamp(String text) {
        String clean = text.chars().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > MAX_COMMENT ? clean.substring(0, MAX_COMMENT) : clean;
    }
}
