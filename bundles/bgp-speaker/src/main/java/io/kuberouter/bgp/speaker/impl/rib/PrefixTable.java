package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;

import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * Dense, reference-counted ids for the prefixes of one address family. A prefix is a key of one
 * {@code long} (IPv4: address and length) or three (IPv6: two address halves and the length) in
 * a paged array; an open-addressing table with linear probing maps keys to ids. Everything that
 * refers to an id – paths, pending changes, Adj-RIB-Out entries – holds a reference; the id is
 * recycled when the last one is released, so a stored id never silently names another prefix.
 */
public final class PrefixTable {

    private static final int EMPTY = -1;

    private final boolean ipv4;
    private final int words;
    private final LongPages keys = new LongPages();
    private final IntPages references = new IntPages(0);
    private int[] slots = emptySlots(16);
    private int highWater;
    private int live;
    private final IntList freeIds = new IntList();

    public PrefixTable(boolean ipv4) {
        this.ipv4 = ipv4;
        this.words = ipv4 ? 1 : 3;
    }

    /** The id of {@code prefix}, created when absent, with one more reference. */
    public int acquire(IpPrefix prefix) {
        long[] key = PrefixKeys.encode(prefix, ipv4);
        int slot = locate(key);
        int id = slots[slot];
        if (id != EMPTY) {
            retain(id);
            return id;
        }
        id = allocate(key);
        slots[slot] = id;
        references.set(id, 1);
        if (++live * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return id;
    }

    /** The id of {@code prefix}, or -1 when the table does not hold it. No reference is taken. */
    public int find(IpPrefix prefix) {
        return slots[locate(PrefixKeys.encode(prefix, ipv4))];
    }

    /** Takes one more reference on a live id. */
    public void retain(int id) {
        references.set(id, references.get(id) + 1);
    }

    /** Drops one reference; the id is freed with the last one. */
    public void release(int id) {
        int left = references.get(id) - 1;
        references.set(id, left);
        if (left > 0) {
            return;
        }
        removeSlot(id);
        freeIds.add(id);
        live--;
    }

    /** The prefix of a live id. */
    public IpPrefix prefix(int id) {
        return PrefixKeys.decode(keyOf(id), 0, ipv4);
    }

    /** Ids are below this bound; arrays indexed by id must be at least this long. */
    public int idBound() {
        return highWater;
    }

    /** True if {@code id} is in use. */
    public boolean isLive(int id) {
        return id < highWater && references.get(id) > 0;
    }

    /** Number of live ids. */
    public int size() {
        return live;
    }

    private int allocate(long[] key) {
        int id;
        if (freeIds.isEmpty()) {
            id = highWater++;
            references.ensure(highWater);
            keys.ensure(highWater * words);
        } else {
            id = freeIds.removeLast();
        }
        for (int i = 0; i < words; i++) {
            keys.set(id * words + i, key[i]);
        }
        return id;
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    private int locate(long[] key) {
        int mask = slots.length - 1;
        int slot = PrefixKeys.hash(key, 0, words) & mask;
        while (slots[slot] != EMPTY && !sameKey(slots[slot], key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean sameKey(int id, long[] key) {
        int base = id * words;
        for (int i = 0; i < words; i++) {
            if (keys.get(base + i) != key[i]) {
                return false;
            }
        }
        return true;
    }

    private int home(int id) {
        long h = 0;
        for (int i = 0; i < words; i++) {
            h = PrefixKeys.mix(h, keys.get(id * words + i));
        }
        return PrefixKeys.finish(h) & (slots.length - 1);
    }

    private long[] keyOf(int id) {
        long[] key = new long[words];
        for (int i = 0; i < words; i++) {
            key[i] = keys.get(id * words + i);
        }
        return key;
    }

    /** Backward-shift deletion: later entries of the probe run move up, no tombstones. */
    private void removeSlot(int id) {
        int mask = slots.length - 1;
        int hole = home(id);
        while (slots[hole] != id) {
            hole = (hole + 1) & mask;
        }
        slots[hole] = EMPTY;
        for (int next = (hole + 1) & mask; slots[next] != EMPTY; next = (next + 1) & mask) {
            int wanted = home(slots[next]);
            boolean movable = hole <= next ? wanted <= hole || wanted > next : wanted <= hole && wanted > next;
            if (movable) {
                slots[hole] = slots[next];
                slots[next] = EMPTY;
                hole = next;
            }
        }
    }

    private void rehash(int capacity) {
        slots = emptySlots(capacity);
        int mask = capacity - 1;
        for (int id = 0; id < highWater; id++) {
            if (references.get(id) > 0) {
                int slot = home(id);
                while (slots[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = id;
            }
        }
    }

    private static int[] emptySlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
