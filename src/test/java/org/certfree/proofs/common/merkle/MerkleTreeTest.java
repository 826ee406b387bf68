package org.certfree.proofs.common.merkle;

import static org.certfree.proofs.common.merkle.NaiveMerkle.REFERENCE_LEAVES;
import static org.certfree.proofs.common.merkle.NaiveMerkle.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /*
     * Reference vectors of the RFC 6962 / RFC 9162 tree with the 8 leaves of NaiveMerkle.REFERENCE_LEAVES, as
     * published in transparency-dev/merkle, proof/verify_test.go (commit 02194e9afb6c1d95b5381350007963aa70fff472;
     * the same values appear in google/certificate-transparency's merkle tree tests). ROOTS[i] is the root of the
     * tree of the first i + 1 leaves.
     */
    static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    /** Inclusion vectors: {leaf index (0-based; the source file counts from 1), tree size, path...}. */
    static final Object[][] INCLUSION = {
        {0, 1},
        {0, 8,
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
        {5, 8,
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
        {2, 3,
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"},
        {1, 5,
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"},
    };

    /** Consistency vectors: {first size, second size, proof...}. */
    static final Object[][] CONSISTENCY = {
        {1, 1},
        {1, 8,
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
        {6, 8,
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
        {2, 5,
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"},
        {6, 7,
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
    };

    static final List<byte[]> REFERENCE_LEAF_HASHES = REFERENCE_LEAVES.stream().map(MerkleHash::leaf).toList();

    static List<String> hexPath(Object[] vector) {
        List<String> path = new ArrayList<>();
        for (int i = 2; i < vector.length; i++) {
            path.add((String) vector[i]);
        }
        return path;
    }

    static List<String> toHex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHash::toHex).toList();
    }

    @Test
    void emptyTreeRootIsSha256OfTheEmptyString() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                MerkleHash.toHex(MerkleTree.rootHash(List.of())));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                MerkleHash.toHex(MerkleHash.emptyRoot()));
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        // RFC 6962 leaf hash of the empty leaf, as in transparency-dev/merkle rfc6962/rfc6962_test.go.
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                MerkleHash.toHex(MerkleHash.leaf(new byte[0])));
        byte[] a = MerkleHash.leaf(hex("00"));
        byte[] b = MerkleHash.leaf(hex("10"));
        assertArrayEquals(NaiveMerkle.sha256(new byte[] {1}, a, b), MerkleHash.node(a, b));
    }

    @Test
    void rootsMatchPublishedVectorsForSizesOneToEight() {
        MerkleTree tree = MerkleTree.of(REFERENCE_LEAF_HASHES);
        for (int size = 1; size <= 8; size++) {
            List<byte[]> prefix = REFERENCE_LEAF_HASHES.subList(0, size);
            assertEquals(ROOTS[size - 1], MerkleHash.toHex(MerkleTree.rootHash(prefix)), "size " + size);
            assertEquals(ROOTS[size - 1], MerkleHash.toHex(tree.rootHash(size)), "prefix size " + size);
            assertEquals(ROOTS[size - 1], MerkleHash.toHex(NaiveMerkle.mth(REFERENCE_LEAVES.subList(0, size))),
                    "the naive reference agrees with the vector for size " + size);
        }
    }

    @Test
    void inclusionPathsMatchPublishedVectors() {
        for (Object[] v : INCLUSION) {
            int index = (int) v[0];
            int size = (int) v[1];
            assertEquals(hexPath(v), toHex(MerkleTree.inclusionProof(index, size, REFERENCE_LEAF_HASHES)),
                    "leaf " + index + " of " + size);
        }
    }

    @Test
    void consistencyProofsMatchPublishedVectors() {
        for (Object[] v : CONSISTENCY) {
            int m = (int) v[0];
            int n = (int) v[1];
            assertEquals(hexPath(v), toHex(MerkleTree.consistencyProof(m, n, REFERENCE_LEAF_HASHES)),
                    m + " -> " + n);
        }
    }

    @Test
    void everyProofUpToTwentyLeavesMatchesTheNaiveDefinitions() {
        List<byte[]> data = NaiveMerkle.generatedLeaves(20);
        MerkleTree tree = MerkleTree.of(data.stream().map(MerkleHash::leaf).toList());
        int checked = 0;
        for (int n = 0; n <= 20; n++) {
            List<byte[]> d = data.subList(0, n);
            assertArrayEquals(NaiveMerkle.mth(d), tree.rootHash(n), "root " + n);
            for (int i = 0; i < n; i++) {
                assertEquals(toHex(NaiveMerkle.path(i, d)), toHex(tree.inclusionProof(i, n)), "path " + i + " of " + n);
                checked++;
            }
            for (int m = 1; m < n; m++) {
                assertEquals(toHex(NaiveMerkle.proof(m, d)), toHex(tree.consistencyProof(m, n)), m + " -> " + n);
                checked++;
            }
            assertTrue(tree.consistencyProof(0, n).isEmpty());
            assertTrue(tree.consistencyProof(n, n).isEmpty());
        }
        assertEquals(210 + 190, checked);
    }

    @Test
    void largeTreeAgreesWithTheNaiveDefinitions() {
        int n = 100_000;
        List<byte[]> data = NaiveMerkle.generatedLeaves(n);
        MerkleTree tree = MerkleTree.of(data.stream().map(MerkleHash::leaf).toList());
        assertArrayEquals(NaiveMerkle.mth(data), tree.rootHash());
        Random random = new Random(9162);
        for (int round = 0; round < 5; round++) {
            int size = 1 + random.nextInt(n);
            int index = random.nextInt(size);
            int old = 1 + random.nextInt(size);
            List<byte[]> d = data.subList(0, size);
            List<byte[]> path = tree.inclusionProof(index, size);
            assertEquals(toHex(NaiveMerkle.path(index, d)), toHex(path), "path " + index + " of " + size);
            assertTrue(path.size() <= 17);
            assertTrue(MerkleVerifier.verifyInclusion(index, size, MerkleHash.leaf(data.get(index)), path,
                    tree.rootHash(size)));
            List<byte[]> proof = tree.consistencyProof(old, size);
            if (old < size) {
                assertEquals(toHex(NaiveMerkle.proof(old, d)), toHex(proof), old + " -> " + size);
            }
            assertTrue(MerkleVerifier.verifyConsistency(old, size, tree.rootHash(old), tree.rootHash(size), proof));
        }
        // Worst case for a right edge that is not a complete subtree: every bit of the size set.
        int ragged = (1 << 16) - 1;
        assertArrayEquals(NaiveMerkle.mth(data.subList(0, ragged)), tree.rootHash(ragged));
    }

    @Test
    void rejectsImpossibleArguments() {
        MerkleTree tree = MerkleTree.of(REFERENCE_LEAF_HASHES);
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(8, 8));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(-1, 8));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(0, 9));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(0, 0));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(5, 4));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(1, 9));
        assertThrows(IllegalArgumentException.class, () -> tree.rootHash(9));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(List.of(new byte[31])));
        List<byte[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(withNull));
    }

    @Test
    void treeKeepsItsOwnCopyOfTheLeafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (byte[] h : REFERENCE_LEAF_HASHES) {
            hashes.add(h.clone());
        }
        MerkleTree tree = MerkleTree.of(hashes);
        hashes.get(3)[0] ^= 1;
        tree.inclusionProof(0, 8).get(0)[0] ^= 1;
        tree.rootHash()[0] ^= 1;
        assertEquals(ROOTS[7], MerkleHash.toHex(tree.rootHash()));
        assertEquals(ROOTS[3], MerkleHash.toHex(tree.rootHash(4)));
    }

    @Test
    void hexRoundTrips() {
        byte[] hash = MerkleHash.leaf(hex("2021"));
        assertArrayEquals(hash, MerkleHash.fromHex(MerkleHash.toHex(hash)));
        assertArrayEquals(hash, MerkleHash.fromHex(MerkleHash.toHex(hash).toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> MerkleHash.fromHex("abc"));
        assertThrows(IllegalArgumentException.class, () -> MerkleHash.fromHex("zz"));
    }
}
