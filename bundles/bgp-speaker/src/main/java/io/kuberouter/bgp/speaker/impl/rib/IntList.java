package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;

/** A growable list of {@code int}s, without boxing. */
public final class IntList {

    private int[] values;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        values = new int[Math.max(capacity, 4)];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1));
        }
        values[size++] = value;
    }

    public int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        return values[index];
    }

    /** Removes and returns the last value. */
    public int removeLast() {
        if (size == 0) {
            throw new IndexOutOfBoundsException("empty");
        }
        return values[--size];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }
}
