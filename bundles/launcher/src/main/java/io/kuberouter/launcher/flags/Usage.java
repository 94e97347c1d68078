package io.kuberouter.launcher.flags;

import java.util.ArrayList;
import java.util.List;

/**
 * The help text in pflag's layout ({@code FlagUsages} without wrapping): one line per flag, sorted by name,
 * {@code   -s, --name type} or {@code       --name type}, the help column aligned three spaces after the longest
 * name-and-type, and {@code (default x)} unless pflag considers the default a zero value (strings quoted).
 */
final class Usage {

    static final String HEADER = "Usage of kube-router:";

    private Usage() {
    }

    static String text() {
        List<String> heads = new ArrayList<>();
        for (Flag<?> flag : FlagRegistry.all()) {
            heads.add(head(flag));
        }
        int width = heads.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < heads.size(); i++) {
            String head = heads.get(i);
            out.append(head).append(" ".repeat(width - head.length() + 3))
                    .append(description(FlagRegistry.all().get(i))).append('\n');
        }
        return out.toString();
    }

    private static String head(Flag<?> flag) {
        String names = flag.shorthand().isEmpty()
                ? "      --" + flag.name()
                : "  -" + flag.shorthand() + ", --" + flag.name();
        String type = flag.type().usageName();
        return type.isEmpty() ? names : names + " " + type;
    }

    private static <T> String description(Flag<T> flag) {
        if (flag.type().isZeroDefault(flag.defaultValue())) {
            return flag.usage();
        }
        String text = flag.defaultText();
        return flag.usage() + " (default " + (flag.type().usageName().equals("string") ? GoText.quote(text) : text) + ")";
    }
}
