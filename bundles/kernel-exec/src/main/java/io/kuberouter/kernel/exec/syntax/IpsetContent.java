package io.kuberouter.kernel.exec.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One set as {@code ipset save} shows it.
 *
 * @param name set name
 * @param type set type, e.g. {@code hash:ip}
 * @param options create options: {@code family}, {@code hashsize}, {@code maxelem} first, then the
 *        others as given; {@code initval} and {@code bucketsize} (chosen by the kernel) removed
 * @param entries entries as saved (element followed by per-entry options such as {@code timeout 0}),
 *        in insertion order
 */
public record IpsetContent(String name, String type, List<String> options, List<String> entries) {

    public IpsetContent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        entries = List.copyOf(entries);
    }

    /** The set in {@code ipset save} format: its create line and add lines. */
    public String render() {
        StringBuilder sb = new StringBuilder("create ").append(name).append(' ').append(type);
        options.forEach(o -> sb.append(' ').append(o));
        sb.append('\n');
        entries.forEach(e -> sb.append("add ").append(name).append(' ').append(e).append('\n'));
        return sb.toString();
    }
}
