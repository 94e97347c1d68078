package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;

/** A growable {@code long} array in pages (see {@link Pages}). */
final class LongPages {

    private long[][] pages = new long[0][];

    long get(int index) {
        return pages[index >>> Pages.SHIFT][index & Pages.MASK];
    }

    void set(int index, long value) {
        pages[index >>> Pages.SHIFT][index & Pages.MASK] = value;
    }

    /** Makes indexes below {@code entries} valid. */
    void ensure(int entries) {
        int needed = Pages.pagesFor(entries);
        if (needed > pages.length) {
            int old = pages.length;
            pages = Arrays.copyOf(pages, Math.max(needed, old + (old >> 1)));
            for (int i = old; i < pages.length; i++) {
                pages[i] = new long[Pages.SIZE];
            }
        }
    }
}
