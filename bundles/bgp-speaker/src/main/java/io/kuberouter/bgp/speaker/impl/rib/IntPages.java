package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;

/** A growable {@code int} array in pages (see {@link Pages}); new entries hold {@code fill}. */
final class IntPages {

    private final int fill;
    private int[][] pages = new int[0][];

    IntPages(int fill) {
        this.fill = fill;
    }

    int get(int index) {
        return pages[index >>> Pages.SHIFT][index & Pages.MASK];
    }

    void set(int index, int value) {
        pages[index >>> Pages.SHIFT][index & Pages.MASK] = value;
    }

    /** Makes indexes below {@code entries} valid. */
    void ensure(int entries) {
        int needed = Pages.pagesFor(entries);
        if (needed > pages.length) {
            int old = pages.length;
            pages = Arrays.copyOf(pages, Math.max(needed, old + (old >> 1)));
            for (int i = old; i < pages.length; i++) {
                pages[i] = new int[Pages.SIZE];
                if (fill != 0) {
                    Arrays.fill(pages[i], fill);
                }
            }
        }
    }

    /** Number of valid indexes. */
    int capacity() {
        return pages.length * Pages.SIZE;
    }
}
