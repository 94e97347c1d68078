package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;

/** A growable array of references in pages (see {@link Pages}); new entries are null. */
final class ObjectPages<T> {

    private Object[][] pages = new Object[0][];

    @SuppressWarnings("unchecked")
    T get(int index) {
        return (T) pages[index >>> Pages.SHIFT][index & Pages.MASK];
    }

    void set(int index, T value) {
        pages[index >>> Pages.SHIFT][index & Pages.MASK] = value;
    }

    /** Makes indexes below {@code entries} valid. */
    void ensure(int entries) {
        int needed = Pages.pagesFor(entries);
        if (needed > pages.length) {
            int old = pages.length;
            pages = Arrays.copyOf(pages, Math.max(needed, old + (old >> 1)));
            for (int i = old; i < pages.length; i++) {
                pages[i] = new Object[Pages.SIZE];
            }
        }
    }
}
