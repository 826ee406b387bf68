package org.certfree.proofs.common.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion proofs (§2.1.3.2) and consistency proofs (§2.1.4.2). Every method answers
 * {@code false} for anything it cannot verify (null or wrongly sized hashes, impossible sizes, wrong path length)
 * and never throws.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /**
     * Whether inclusionPath proves that leafHash is leaf leafIndex of the tree of treeSize leaves with rootHash.
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath,
            byte[] rootHash) {
        if (leafIndex < 0 || leafIndex >= treeSize || !MerkleHash.isHash(leafHash) || !MerkleHash.isHash(rootHash)
                || !allHashes(inclusionPath)) {
            return false;
        }
        MessageDigest md = MerkleHash.newDigest();
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : inclusionPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(md, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(md, r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, rootHash);
    }

    /**
     * Whether consistencyPath proves that the tree of firstSize leaves with firstRoot is a prefix of the tree of
     * secondSize leaves with secondRoot.
     *
     * <p>RFC 9162 specifies the algorithm for 0 &lt; firstSize &lt; secondSize only. For the trivial cases this
     * follows PROOF's output: equal sizes need an empty path and equal roots; an empty first tree needs an empty
     * path and the empty-tree root SHA-256("") as firstRoot.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> consistencyPath) {
        if (firstSize < 0 || firstSize > secondSize || !MerkleHash.isHash(firstRoot)
                || !MerkleHash.isHash(secondRoot) || !allHashes(consistencyPath)) {
            return false;
        }
        if (firstSize == 0) {
            return consistencyPath.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleHash.emptyRoot())
                    && (secondSize > 0 || MessageDigest.isEqual(secondRoot, firstRoot));
        }
        if (firstSize == secondSize) {
            return consistencyPath.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        // Step 1.
        if (consistencyPath.isEmpty()) {
            return false;
        }
        // Step 2: when the first tree is a complete subtree its root is not in the path (the RFC's
        // "first_hash is an exact power of 2" means first_size).
        int start = 0;
        byte[] first;
        if (Long.bitCount(firstSize) == 1) {
            first = firstRoot;
        } else {
            first = consistencyPath.get(0);
            start = 1;
        }
        // Steps 3 and 4.
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        MessageDigest md = MerkleHash.newDigest();
        byte[] fr = first;
        byte[] sr = first;
        // Step 6.
        for (int i = start; i < consistencyPath.size(); i++) {
            byte[] c = consistencyPath.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(md, c, fr);
                sr = MerkleHash.node(md, c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(md, sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 7.
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean allHashes(List<byte[]> path) {
        if (path == null) {
            return false;
        }
        for (byte[] hash : path) {
            if (!MerkleHash.isHash(hash)) {
                return false;
            }
        }
        return true;
    }
}
