package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;

/** The sources by index; index 0 is the speaker itself. Indexes of removed peers are reused. */
public final class PathSources {

    private PathSource[] byIndex = new PathSource[16];

    public PathSources(PathSource local) {
        if (!local.isLocal()) {
            throw new IllegalArgumentException("source 0 must be the local one: " + local);
        }
        byIndex[PathSource.LOCAL_INDEX] = local;
    }

    /** The source with index {@code index}. */
    public PathSource get(int index) {
        return byIndex[index];
    }

    /** The lowest free index, reserved for a new peer. */
    public int reserve() {
        for (int index = 1; index < byIndex.length; index++) {
            if (byIndex[index] == null) {
                return index;
            }
        }
        if (byIndex.length > PathSource.MAX_INDEX) {
            throw new IllegalStateException("more than " + PathSource.MAX_INDEX + " peers");
        }
        int index = byIndex.length;
        byIndex = Arrays.copyOf(byIndex, byIndex.length * 2);
        return index;
    }

    /** Sets (or replaces) the source at its index. */
    public void put(PathSource source) {
        byIndex[source.index()] = source;
    }

    /** Frees an index; its paths must be gone. */
    public void remove(int index) {
        if (index == PathSource.LOCAL_INDEX) {
            throw new IllegalArgumentException("the local source stays");
        }
        byIndex[index] = null;
    }
}
