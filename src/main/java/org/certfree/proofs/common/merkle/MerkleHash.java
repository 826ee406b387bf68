package org.certfree.proofs.common.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: domain-separated leaf and interior-node hashes, plus hex helpers.
 */
public final class MerkleHash {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] EMPTY_ROOT = newDigest().digest();

    private MerkleHash() {
    }

    /** MTH({}) = SHA-256 of the empty string, the root of a tree without leaves. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leaf(byte[] data) {
        MessageDigest md = newDigest();
        md.update(LEAF_PREFIX);
        md.update(data);
        return md.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        return node(newDigest(), left, right);
    }

    static byte[] node(MessageDigest md, byte[] left, byte[] right) {
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** Lower-case hex without separators. */
    public static String toHex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** Parses hex (either case); throws {@link IllegalArgumentException} on odd length or a non-hex character. */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    static boolean isHash(byte[] value) {
        return value != null && value.length == SIZE;
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest Javadoc).
            throw new IllegalStateException(e);
        }
    }
}
