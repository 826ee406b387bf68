package org.certfree.proofs.common.merkle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Independent reference for the tests: the RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 definitions transcribed as
 * literally as possible (recursion over raw leaf data, own SHA-256 calls), sharing no code with the production
 * classes so that a bug there cannot hide itself here.
 */
final class NaiveMerkle {

    /** The 8 leaves of the RFC 6962 / 9162 reference tree used by Certificate Transparency implementations. */
    static final List<byte[]> REFERENCE_LEAVES = List.of(
            hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
            hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    private NaiveMerkle() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Distinct leaves "leaf-0", "leaf-1", ... for generated trees. */
    static List<byte[]> generatedLeaves(int n) {
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(("leaf-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] leafHash(byte[] data) {
        return sha256(new byte[] {0}, data);
    }

    static List<byte[]> leafHashes(List<byte[]> data) {
        return data.stream().map(NaiveMerkle::leafHash).toList();
    }

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHash(d.get(0));
        }
        int k = k(n);
        return sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = k(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** PROOF(m, D[n]) for 0 &lt; m &lt; n. */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    /** SUBPROOF(m, D[n], b). */
    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n, by counting rather than bit tricks. */
    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
