package io.kuberouter.kernel.exec.syntax;

import io.kuberouter.kernel.api.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The match and target arguments of one rule (everything after {@code -A CHAIN}), normalised the way
 * {@code iptables-save} prints them so that desired and saved rules compare equal:
 * <ul>
 * <li>quotes removed ({@link Args#split(String)});</li>
 * <li>long core options shortened ({@code --protocol} → {@code -p}, {@code --jump} → {@code -j}, ...);</li>
 * <li>{@code -s}/{@code -d} addresses as {@code network/length} ({@code 10.0.0.1} → {@code 10.0.0.1/32});</li>
 * <li>the implicit protocol match made explicit ({@code -p tcp --dport 80} → {@code -p tcp -m tcp --dport 80}).</li>
 * </ul>
 * Other target- and match-specific canonical forms (e.g. {@code --set-mark} saved as {@code --set-xmark})
 * are not rewritten: write desired rules in saved form.
 */
public record RuleSpec(List<String> args) {

    private static final Map<String, String> SHORT = Map.of("--protocol", "-p", "--source", "-s",
            "--destination", "-d", "--in-interface", "-i", "--out-interface", "-o", "--jump", "-j", "--goto", "-g",
            "--match", "-m", "--fragment", "-f");
    private static final Set<String> PROTOCOL_OPTIONS =
            Set.of("--dport", "--sport", "--destination-port", "--source-port", "--tcp-flags", "--syn",
                    "--tcp-option", "--icmp-type", "--icmpv6-type", "--chunk-types");

    public RuleSpec {
        args = List.copyOf(args);
    }

    /** Parses and normalises the argument text of a rule. */
    public static RuleSpec parse(String text) {
        return of(Args.split(text));
    }

    /** Normalises an argument list. */
    public static RuleSpec of(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size() + 2);
        String protocol = null;
        boolean protocolMatched = false;
        for (int i = 0; i < raw.size(); i++) {
            String a = SHORT.getOrDefault(raw.get(i), raw.get(i));
            boolean hasValue = i + 1 < raw.size();
            if (PROTOCOL_OPTIONS.contains(a) && protocol != null && !protocolMatched) {
                out.add("-m");
                out.add(protocol);
                protocolMatched = true;
            }
            out.add(a);
            if ((a.equals("-s") || a.equals("-d")) && hasValue) {
                out.add(prefix(raw.get(++i)));
            } else if (a.equals("-p") && hasValue) {
                protocol = raw.get(++i);
                out.add(protocol);
            } else if (a.equals("-m") && hasValue) {
                protocolMatched |= raw.get(i + 1).equals(protocol);
            }
        }
        return new RuleSpec(out);
    }

    /** The jump ({@code -j}) or goto ({@code -g}) target, if any. */
    public Optional<String> target() {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-j") || args.get(i).equals("-g")) {
                return Optional.of(args.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The rule text as {@code iptables-restore} reads it (quoted where needed). */
    @Override
    public String toString() {
        return Args.join(args);
    }

    private static String prefix(String value) {
        try {
            return IpPrefix.parse(value).network().toString();
        } catch (IllegalArgumentException notALiteral) {
            return value;
        }
    }
}
