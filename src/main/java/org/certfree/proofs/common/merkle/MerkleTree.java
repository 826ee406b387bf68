package org.certfree.proofs.common.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Immutable RFC 9162 (Certificate Transparency v2) Merkle tree over leaf hashes: tree head (MTH, §2.1.1),
 * inclusion paths (PATH, §2.1.3.1) and consistency proofs (PROOF/SUBPROOF, §2.1.4.1).
 *
 * <p>Building a tree hashes every interior node of each complete subtree once (fewer than n hashes) and keeps
 * them, so any later root or proof for a prefix of the leaves costs O(log n) hashes. The static methods build a
 * throw-away tree and therefore cost O(n); use an instance when answering several questions about one log.
 *
 * <p>The recursions of the RFC are walked top-down in loops; only the "hash of a range" helper recurses, and
 * its depth is bounded by the number of bits of the tree size.
 */
public final class MerkleTree {

    /**
     * levels[h][i] is the root of the complete subtree of 2^h leaves starting at leaf i * 2^h; levels[0] holds
     * the leaf hashes. Incomplete right edges are not stored, they are folded from complete subtrees on demand.
     */
    private final byte[][][] levels;
    private final int size;

    private MerkleTree(byte[][][] levels, int size) {
        this.levels = levels;
        this.size = size;
    }

    /**
     * Builds the tree over the given leaf hashes (each {@link MerkleHash#SIZE} bytes, typically
     * {@link MerkleHash#leaf(byte[])} of the entry). The hashes are copied.
     */
    public static MerkleTree of(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        byte[][] leaves = new byte[n][];
        for (int i = 0; i < n; i++) {
            byte[] hash = leafHashes.get(i);
            if (!MerkleHash.isHash(hash)) {
                throw new IllegalArgumentException("leaf hash " + i + " is not a " + MerkleHash.SIZE + "-byte hash");
            }
            leaves[i] = hash.clone();
        }
        List<byte[][]> built = new ArrayList<>();
        built.add(leaves);
        MessageDigest md = MerkleHash.newDigest();
        byte[][] below = leaves;
        while (below.length >= 2) {
            byte[][] level = new byte[below.length / 2][];
            for (int i = 0; i < level.length; i++) {
                level[i] = MerkleHash.node(md, below[2 * i], below[2 * i + 1]);
            }
            built.add(level);
            below = level;
        }
        return new MerkleTree(built.toArray(new byte[0][][]), n);
    }

    /** MTH over all leaf hashes; SHA-256("") for an empty list. */
    public static byte[] rootHash(List<byte[]> leafHashes) {
        return of(leafHashes).rootHash();
    }

    /** PATH(leafIndex, D[0:treeSize]) over the first treeSize of the given leaf hashes. */
    public static List<byte[]> inclusionProof(int leafIndex, int treeSize, List<byte[]> leafHashes) {
        requireTreeSize(treeSize, leafHashes.size());
        return of(leafHashes.subList(0, treeSize)).inclusionProof(leafIndex, treeSize);
    }

    /** PROOF(m, D[0:n]) over the first n of the given leaf hashes. */
    public static List<byte[]> consistencyProof(int m, int n, List<byte[]> leafHashes) {
        requireTreeSize(n, leafHashes.size());
        return of(leafHashes.subList(0, n)).consistencyProof(m, n);
    }

    /** Number of leaves. */
    public int size() {
        return size;
    }

    /** Root hash of the whole tree. */
    public byte[] rootHash() {
        return rootHash(size);
    }

    /** Root hash of the tree formed by the first treeSize leaves (an earlier version of this log). */
    public byte[] rootHash(int treeSize) {
        requireTreeSize(treeSize, size);
        return treeSize == 0 ? MerkleHash.emptyRoot() : hashRange(0, treeSize).clone();
    }

    /**
     * Inclusion path of leaf leafIndex in the tree of the first treeSize leaves, ordered from the leaf's sibling
     * up to the child of the root, as RFC 9162 §2.1.3.1 defines it (empty for a one-leaf tree).
     *
     * @throws IllegalArgumentException unless 0 &le; leafIndex &lt; treeSize &le; size()
     */
    public List<byte[]> inclusionProof(int leafIndex, int treeSize) {
        requireTreeSize(treeSize, size);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is outside a tree of size " + treeSize);
        }
        // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])  or  PATH(m - k, D[k:n]) : MTH(D[0:k]);
        // walking down from the root yields the siblings in reverse order.
        List<byte[]> path = new ArrayList<>();
        int begin = 0;
        int end = treeSize;
        while (end - begin > 1) {
            int k = largestPowerOfTwoBelow(end - begin);
            if (leafIndex < begin + k) {
                path.add(hashRange(begin + k, end).clone());
                end = begin + k;
            } else {
                path.add(hashRange(begin, begin + k).clone());
                begin += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * Consistency proof between the tree of the first m leaves and the tree of the first n leaves, as RFC 9162
     * §2.1.4.1 defines it for 0 &lt; m &lt; n; empty when m = 0 or m = n (nothing needs proving).
     *
     * @throws IllegalArgumentException unless 0 &le; m &le; n &le; size()
     */
    public List<byte[]> consistencyProof(int m, int n) {
        requireTreeSize(n, size);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("old size " + m + " is not between 0 and the new size " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m == 0 || m == n) {
            return proof;
        }
        // SUBPROOF(m, D[n], b): walking down from the root collects the outer siblings first, the inner
        // subtree hash (added when m reaches a subtree that is not the left edge) last.
        int begin = 0;
        int end = n;
        boolean onLeftEdge = true;
        while (m - begin < end - begin) {
            int k = largestPowerOfTwoBelow(end - begin);
            if (m - begin <= k) {
                proof.add(hashRange(begin + k, end).clone());
                end = begin + k;
            } else {
                proof.add(hashRange(begin, begin + k).clone());
                begin += k;
                onLeftEdge = false;
            }
        }
        if (!onLeftEdge) {
            proof.add(hashRange(begin, end).clone());
        }
        Collections.reverse(proof);
        return proof;
    }

    /** MTH(D[begin:end]) for a non-empty range; complete aligned subtrees come straight from the levels. */
    private byte[] hashRange(int begin, int end) {
        int n = end - begin;
        if (Integer.bitCount(n) == 1 && begin % n == 0) {
            int height = Integer.numberOfTrailingZeros(n);
            return levels[height][begin >> height];
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHash.node(hashRange(begin, begin + k), hashRange(begin + k, end));
    }

    /** The k of RFC 9162: the largest power of two smaller than n (n &ge; 2). */
    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static void requireTreeSize(int treeSize, int available) {
        if (treeSize < 0 || treeSize > available) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not between 0 and " + available);
        }
    }
}
