package org.certfree.proofs.common.merkle;

import static org.certfree.proofs.common.merkle.MerkleTreeTest.CONSISTENCY;
import static org.certfree.proofs.common.merkle.MerkleTreeTest.INCLUSION;
import static org.certfree.proofs.common.merkle.MerkleTreeTest.REFERENCE_LEAF_HASHES;
import static org.certfree.proofs.common.merkle.MerkleTreeTest.ROOTS;
import static org.certfree.proofs.common.merkle.MerkleTreeTest.hexPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleVerifierTest {

    private static final int MAX = 20;
    private static final byte[] SOME_HASH =
            MerkleHash.fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");
    private static final byte[] EMPTY = MerkleHash.emptyRoot();

    /** Leaf hashes and, independently of the production code, the roots of all prefixes up to MAX leaves. */
    private static final List<byte[]> DATA = NaiveMerkle.generatedLeaves(MAX);
    private static final List<byte[]> HASHES = NaiveMerkle.leafHashes(DATA);
    private static final List<byte[]> ROOT = new ArrayList<>();

    static {
        for (int n = 0; n <= MAX; n++) {
            ROOT.add(NaiveMerkle.mth(DATA.subList(0, n)));
        }
    }

    private static byte[] root(int size) {
        return MerkleHash.fromHex(ROOTS[size - 1]);
    }

    private static List<byte[]> path(Object[] vector) {
        return hexPath(vector).stream().map(MerkleHash::fromHex).toList();
    }

    @Test
    void acceptsPublishedInclusionVectors() {
        for (Object[] v : INCLUSION) {
            int index = (int) v[0];
            int size = (int) v[1];
            assertTrue(MerkleVerifier.verifyInclusion(index, size, REFERENCE_LEAF_HASHES.get(index), path(v),
                    root(size)), "leaf " + index + " of " + size);
        }
    }

    @Test
    void acceptsPublishedConsistencyVectors() {
        for (Object[] v : CONSISTENCY) {
            int m = (int) v[0];
            int n = (int) v[1];
            assertTrue(MerkleVerifier.verifyConsistency(m, n, root(m), root(n), path(v)), m + " -> " + n);
        }
    }

    @Test
    void rejectsCorruptedPublishedInclusionVectors() {
        // The probes of transparency-dev/merkle proof/verify_test.go corruptInclusionProof.
        for (Object[] v : INCLUSION) {
            int i = (int) v[0];
            int n = (int) v[1];
            byte[] leaf = REFERENCE_LEAF_HASHES.get(i);
            byte[] root = root(n);
            List<byte[]> proof = path(v);
            assertFalse(MerkleVerifier.verifyInclusion(i - 1, n, leaf, proof, root));
            assertFalse(MerkleVerifier.verifyInclusion(i + 1, n, leaf, proof, root));
            assertFalse(MerkleVerifier.verifyInclusion(i ^ 2, n, leaf, proof, root));
            assertFalse(MerkleVerifier.verifyInclusion(i, n * 2, leaf, proof, root));
            assertFalse(MerkleVerifier.verifyInclusion(i, n / 2, leaf, proof, root));
            assertFalse(MerkleVerifier.verifyInclusion(i, n, SOME_HASH, proof, root));
            assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, proof, EMPTY));
            assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, proof, SOME_HASH));
            assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, append(proof, root), root));
            assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, prepend(root, proof), root));
            assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, append(proof, new byte[0]), root));
            for (int e = 0; e < proof.size(); e++) {
                assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, flipBit(proof, e, 3), root));
            }
        }
    }

    @Test
    void acceptsEveryGeneratedInclusionProofAndRejectsEveryAlteration() {
        MerkleTree tree = MerkleTree.of(HASHES);
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                byte[] leaf = HASHES.get(i);
                List<byte[]> proof = tree.inclusionProof(i, n);
                String where = "leaf " + i + " of " + n;
                assertTrue(MerkleVerifier.verifyInclusion(i, n, leaf, proof, ROOT.get(n)), where);

                for (int e = 0; e < proof.size(); e++) {
                    for (int bit = 0; bit < 8 * MerkleHash.SIZE; bit += 37) {
                        assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, flipBit(proof, e, bit), ROOT.get(n)),
                                where + ": flipped bit " + bit + " of element " + e);
                    }
                }
                for (int bit = 0; bit < 8 * MerkleHash.SIZE; bit += 37) {
                    assertFalse(MerkleVerifier.verifyInclusion(i, n, flip(leaf, bit), proof, ROOT.get(n)), where);
                    assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, proof, flip(ROOT.get(n), bit)), where);
                }
                if (!proof.isEmpty()) {
                    assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, proof.subList(0, proof.size() - 1),
                            ROOT.get(n)), where + ": truncated");
                    assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, proof.subList(1, proof.size()),
                            ROOT.get(n)), where + ": first element dropped");
                }
                assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, append(proof, SOME_HASH), ROOT.get(n)),
                        where + ": extended");
                assertFalse(MerkleVerifier.verifyInclusion(i, n, leaf, prepend(SOME_HASH, proof), ROOT.get(n)),
                        where + ": prefixed");
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        assertFalse(MerkleVerifier.verifyInclusion(j, n, leaf, proof, ROOT.get(n)),
                                where + " claimed as leaf " + j);
                        assertFalse(MerkleVerifier.verifyInclusion(i, n, HASHES.get(j), proof, ROOT.get(n)),
                                where + " used for leaf " + j);
                    }
                }
                // A wrong size is only meaningful together with that size's root: the (size, root) pair is
                // what a signed tree head vouches for.
                for (int other = i + 1; other <= MAX; other++) {
                    if (other != n) {
                        assertFalse(MerkleVerifier.verifyInclusion(i, other, leaf, proof, ROOT.get(other)),
                                where + " claimed in a tree of " + other);
                    }
                }
                assertFalse(MerkleVerifier.verifyInclusion(n, n, leaf, proof, ROOT.get(n)), where + ": index = size");
                assertFalse(MerkleVerifier.verifyInclusion(n + 1, n, leaf, proof, ROOT.get(n)));
                assertFalse(MerkleVerifier.verifyInclusion(-1, n, leaf, proof, ROOT.get(n)));
                assertFalse(MerkleVerifier.verifyInclusion(i, 0, leaf, proof, ROOT.get(n)));
                assertFalse(MerkleVerifier.verifyInclusion(i, -n, leaf, proof, ROOT.get(n)));
            }
        }
    }

    @Test
    void acceptsEveryGeneratedConsistencyProofAndRejectsEveryAlteration() {
        MerkleTree tree = MerkleTree.of(HASHES);
        for (int n = 0; n <= MAX; n++) {
            for (int m = 0; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                String where = m + " -> " + n;
                assertTrue(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), ROOT.get(n), proof), where);
                if (m == 0 || m == n) {
                    continue;
                }
                for (int e = 0; e < proof.size(); e++) {
                    for (int bit = 0; bit < 8 * MerkleHash.SIZE; bit += 37) {
                        assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), ROOT.get(n),
                                flipBit(proof, e, bit)), where + ": flipped bit " + bit + " of element " + e);
                    }
                }
                for (int bit = 0; bit < 8 * MerkleHash.SIZE; bit += 37) {
                    assertFalse(MerkleVerifier.verifyConsistency(m, n, flip(ROOT.get(m), bit), ROOT.get(n), proof));
                    assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), flip(ROOT.get(n), bit), proof));
                }
                assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(n), ROOT.get(m), proof), where + ": swapped");
                assertFalse(MerkleVerifier.verifyConsistency(n, m, ROOT.get(n), ROOT.get(m), proof), where + ": backwards");
                assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), ROOT.get(n), List.of()), where + ": empty");
                assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), ROOT.get(n),
                        proof.subList(0, proof.size() - 1)), where + ": truncated");
                assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), ROOT.get(n),
                        append(proof, SOME_HASH)), where + ": extended");
                assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), ROOT.get(n),
                        prepend(proof.get(0), proof)), where + ": repeated first element");
                assertFalse(MerkleVerifier.verifyConsistency(m, n, ROOT.get(m), ROOT.get(n),
                        prepend(ROOT.get(m), proof)), where + ": prefixed with the old root");
                for (int other = 1; other <= MAX; other++) {
                    if (other != m && other <= n) {
                        assertFalse(MerkleVerifier.verifyConsistency(other, n, ROOT.get(other), ROOT.get(n), proof),
                                where + " claimed from " + other);
                    }
                    if (other != n && other >= m) {
                        assertFalse(MerkleVerifier.verifyConsistency(m, other, ROOT.get(m), ROOT.get(other), proof),
                                where + " claimed to " + other);
                    }
                }
            }
        }
    }

    @Test
    void trivialConsistencyCases() {
        assertTrue(MerkleVerifier.verifyConsistency(0, 0, EMPTY, EMPTY, List.of()));
        assertTrue(MerkleVerifier.verifyConsistency(0, 5, EMPTY, ROOT.get(5), List.of()));
        assertTrue(MerkleVerifier.verifyConsistency(5, 5, ROOT.get(5), ROOT.get(5), List.of()));
        assertFalse(MerkleVerifier.verifyConsistency(0, 5, SOME_HASH, ROOT.get(5), List.of()), "size 0 needs the empty root");
        assertFalse(MerkleVerifier.verifyConsistency(0, 0, EMPTY, SOME_HASH, List.of()));
        assertFalse(MerkleVerifier.verifyConsistency(0, 5, EMPTY, ROOT.get(5), List.of(EMPTY)));
        assertFalse(MerkleVerifier.verifyConsistency(5, 5, ROOT.get(5), ROOT.get(6), List.of()));
        assertFalse(MerkleVerifier.verifyConsistency(5, 5, ROOT.get(5), ROOT.get(5), List.of(EMPTY)));
        assertFalse(MerkleVerifier.verifyConsistency(6, 5, ROOT.get(6), ROOT.get(5), List.of()));
        assertFalse(MerkleVerifier.verifyConsistency(-1, 5, EMPTY, ROOT.get(5), List.of()));
    }

    @Test
    void neverThrowsOnMalformedInput() {
        List<byte[]> withNull = new ArrayList<>();
        withNull.add(null);
        byte[] leaf = HASHES.get(0);
        byte[] root = ROOT.get(2);
        List<byte[]> proof = List.of(HASHES.get(1));
        assertTrue(MerkleVerifier.verifyInclusion(0, 2, leaf, proof, root));
        assertFalse(MerkleVerifier.verifyInclusion(0, 2, null, proof, root));
        assertFalse(MerkleVerifier.verifyInclusion(0, 2, leaf, null, root));
        assertFalse(MerkleVerifier.verifyInclusion(0, 2, leaf, proof, null));
        assertFalse(MerkleVerifier.verifyInclusion(0, 2, leaf, withNull, root));
        assertFalse(MerkleVerifier.verifyInclusion(0, 2, leaf, List.of(new byte[31]), root));
        assertFalse(MerkleVerifier.verifyInclusion(0, 2, new byte[0], proof, root));
        assertFalse(MerkleVerifier.verifyInclusion(0, 1, new byte[0], List.of(), new byte[0]), "wrong hash size");
        assertFalse(MerkleVerifier.verifyInclusion(Long.MAX_VALUE, Long.MAX_VALUE, leaf, proof, root));
        assertFalse(MerkleVerifier.verifyInclusion(0, Long.MAX_VALUE, leaf, proof, root));
        assertFalse(MerkleVerifier.verifyInclusion(Long.MIN_VALUE, 2, leaf, proof, root));

        List<byte[]> c = MerkleTree.of(HASHES).consistencyProof(3, 7);
        assertTrue(MerkleVerifier.verifyConsistency(3, 7, ROOT.get(3), ROOT.get(7), c));
        assertFalse(MerkleVerifier.verifyConsistency(3, 7, null, ROOT.get(7), c));
        assertFalse(MerkleVerifier.verifyConsistency(3, 7, ROOT.get(3), null, c));
        assertFalse(MerkleVerifier.verifyConsistency(3, 7, ROOT.get(3), ROOT.get(7), null));
        assertFalse(MerkleVerifier.verifyConsistency(3, 7, ROOT.get(3), ROOT.get(7), withNull));
        assertFalse(MerkleVerifier.verifyConsistency(3, 7, new byte[0], ROOT.get(7), c));
        assertFalse(MerkleVerifier.verifyConsistency(3, Long.MAX_VALUE, ROOT.get(3), ROOT.get(7), c));
        assertFalse(MerkleVerifier.verifyConsistency(Long.MAX_VALUE - 1, Long.MAX_VALUE, ROOT.get(3), ROOT.get(7), c));
        assertFalse(MerkleVerifier.verifyConsistency(Long.MIN_VALUE, 7, ROOT.get(3), ROOT.get(7), c));
    }

    @Test
    void sizeAloneIsNotBoundByAnInclusionProof() {
        // Documented behaviour of RFC 9162 §2.1.3.2, kept here so nobody relies on the opposite: leaf 0's path in
        // a tree of 8 also "verifies" for a claimed size of 7 when given the size-8 root, because both sizes give
        // the same path shape. Callers must take (size, root) together from one signed tree head.
        MerkleTree tree = MerkleTree.of(HASHES);
        List<byte[]> proof = tree.inclusionProof(0, 8);
        assertTrue(MerkleVerifier.verifyInclusion(0, 7, HASHES.get(0), proof, ROOT.get(8)));
        assertFalse(MerkleVerifier.verifyInclusion(0, 7, HASHES.get(0), proof, ROOT.get(7)));
        assertEquals(3, tree.inclusionProof(0, 7).size());
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> result = new ArrayList<>(proof);
        result.add(extra);
        return result;
    }

    private static List<byte[]> prepend(byte[] extra, List<byte[]> proof) {
        List<byte[]> result = new ArrayList<>();
        result.add(extra);
        result.addAll(proof);
        return result;
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, int bit) {
        List<byte[]> result = new ArrayList<>(proof);
        result.set(element, flip(proof.get(element), bit));
        return result;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
