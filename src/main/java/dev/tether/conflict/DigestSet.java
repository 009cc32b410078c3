package dev.tether.conflict;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The lines seen so far, kept as 128-bit digests (the first 16 bytes of SHA-256) rather than as the
 * lines: 32 bytes a line, whatever its length. Two different lines share a digest with a probability
 * of about n²/2¹²⁹, nothing next to a disk error. Open addressing on two arrays of longs.
 */
public final class DigestSet {
    private static final int SMALL = 16;

    private final MessageDigest sha256;
    private long[] hi = new long[SMALL];
    private long[] lo = new long[SMALL];
    private int size;

    public DigestSet() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the line's digest; true when it was not there yet. */
    public boolean add(byte[] line) {
        ByteBuffer d = ByteBuffer.wrap(sha256.digest(line));
        long h = d.getLong();
        long l = d.getLong();
        if (h == 0 && l == 0) {
            l = 1; // (0, 0) marks an empty slot
        }
        if ((size + 1) * 2 > hi.length) {
            grow();
        }
        return insert(h, l);
    }

    private boolean insert(long h, long l) {
        int mask = hi.length - 1;
        int i = (int) (l ^ (l >>> 32)) & mask;
        while (hi[i] != 0 || lo[i] != 0) {
            if (hi[i] == h && lo[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        hi[i] = h;
        lo[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHi = hi;
        long[] oldLo = lo;
        hi = new long[oldHi.length * 2];
        lo = new long[oldLo.length * 2];
        size = 0;
        for (int i = 0; i < oldHi.length; i++) {
            if (oldHi[i] != 0 || oldLo[i] != 0) {
                insert(oldHi[i], oldLo[i]);
            }
        }
    }

    /** Forgets every digest (cheaply: called once per timestamp while streaming). */
    void clear() {
        if (size == 0) {
            return;
        }
        if (hi.length > SMALL * 64) {
            hi = new long[SMALL];
            lo = new long[SMALL];
        } else {
            Arrays.fill(hi, 0);
            Arrays.fill(lo, 0);
        }
        size = 0;
    }
}
