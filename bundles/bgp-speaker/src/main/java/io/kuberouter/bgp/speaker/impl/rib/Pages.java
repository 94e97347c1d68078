package io.kuberouter.bgp.speaker.impl.rib;

/**
 * Geometry of the paged arrays ({@link IntPages}, {@link LongPages}, {@link ObjectPages}): growing
 * adds a page and never copies, so a table of millions of entries grows without leaving large
 * dead arrays for the garbage collector.
 */
final class Pages {

    /** log2 of the entries per page. */
    static final int SHIFT = 14;

    /** Entries per page. */
    static final int SIZE = 1 << SHIFT;

    /** Index within a page. */
    static final int MASK = SIZE - 1;

    private Pages() {
    }

    /** Pages needed for {@code entries} entries. */
    static int pagesFor(int entries) {
        return (entries + MASK) >>> SHIFT;
    }
}
