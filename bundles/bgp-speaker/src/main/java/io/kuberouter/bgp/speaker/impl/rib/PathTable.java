package io.kuberouter.bgp.speaker.impl.rib;

/**
 * Path rows of one address family in parallel paged arrays. A row is one path: the source index (with
 * a stale flag, RFC 4724 §4.2), the attributes as received, the attributes after import policy
 * (null when rejected) and the next row of the same prefix. Rows of a prefix form a list headed
 * by {@link #first}; together they are the Adj-RIBs-In. {@link #best} is the row best-path
 * selection chose, the Loc-RIB entry (RFC 4271 §3.2).
 */
public final class PathTable {

    /** No row. */
    public static final int NONE = -1;

    private static final int STALE = 1 << 30;
    private static final int SOURCE_MASK = PathSource.MAX_INDEX;

    private final IntPages first = new IntPages(NONE);
    private final IntPages best = new IntPages(NONE);
    private final IntPages rowSource = new IntPages(0);
    private final IntPages rowNext = new IntPages(NONE);
    private final ObjectPages<PathAttributes> rowReceived = new ObjectPages<>();
    private final ObjectPages<PathAttributes> rowEffective = new ObjectPages<>();
    private final IntList freeRows = new IntList();
    private int rowBound;
    private int rows;

    /** Makes room for prefix ids below {@code idBound}. */
    void ensurePrefixCapacity(int idBound) {
        first.ensure(idBound);
        best.ensure(idBound);
    }

    /** The first row of a prefix, or {@link #NONE}. */
    public int first(int prefixId) {
        return prefixId < first.capacity() ? first.get(prefixId) : NONE;
    }

    /** The row after {@code row} of the same prefix, or {@link #NONE}. */
    public int next(int row) {
        return rowNext.get(row);
    }

    /** The selected row of a prefix, or {@link #NONE}. */
    public int best(int prefixId) {
        return prefixId < best.capacity() ? best.get(prefixId) : NONE;
    }

    void setBest(int prefixId, int row) {
        best.set(prefixId, row);
    }

    /** The row of {@code source} for a prefix, or {@link #NONE}. */
    int find(int prefixId, int source) {
        int row = first(prefixId);
        while (row != NONE && source(row) != source) {
            row = rowNext.get(row);
        }
        return row;
    }

    /** Adds a row at the head of the prefix's list. */
    int add(int prefixId, int source, PathAttributes received, PathAttributes effective) {
        int row = freeRows.isEmpty() ? newRow() : freeRows.removeLast();
        rowSource.set(row, source);
        rowReceived.set(row, received);
        rowEffective.set(row, effective);
        rowNext.set(row, first.get(prefixId));
        first.set(prefixId, row);
        rows++;
        return row;
    }

    /** Unlinks a row of a prefix and frees it. */
    void remove(int prefixId, int row) {
        if (first.get(prefixId) == row) {
            first.set(prefixId, rowNext.get(row));
        } else {
            int previous = first.get(prefixId);
            while (rowNext.get(previous) != row) {
                previous = rowNext.get(previous);
            }
            rowNext.set(previous, rowNext.get(row));
        }
        rowReceived.set(row, null);
        rowEffective.set(row, null);
        freeRows.add(row);
        rows--;
    }

    void set(int row, PathAttributes received, PathAttributes effective) {
        rowReceived.set(row, received);
        rowEffective.set(row, effective);
        rowSource.set(row, rowSource.get(row) & ~STALE);
    }

    void setEffective(int row, PathAttributes effective) {
        rowEffective.set(row, effective);
    }

    void markStale(int row) {
        rowSource.set(row, rowSource.get(row) | STALE);
    }

    /** The source index of a row. */
    public int source(int row) {
        return rowSource.get(row) & SOURCE_MASK;
    }

    /** True if the row is kept for a restarting peer. */
    public boolean isStale(int row) {
        return (rowSource.get(row) & STALE) != 0;
    }

    /** The attributes as received. */
    public PathAttributes received(int row) {
        return rowReceived.get(row);
    }

    /** The attributes after import policy; null when the policy rejected the path. */
    public PathAttributes effective(int row) {
        return rowEffective.get(row);
    }

    /** Number of rows. */
    public int size() {
        return rows;
    }

    private int newRow() {
        int row = rowBound++;
        rowSource.ensure(rowBound);
        rowNext.ensure(rowBound);
        rowReceived.ensure(rowBound);
        rowEffective.ensure(rowBound);
        return row;
    }
}
