package org.certfree.proofs.commitment;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 抽查 draw of a pledge, reproducible by anyone: {@code value} is the first 8 bytes of
 * SHA-256({@code "certfree-pledge-draw:v1|" + rootHash + "|" + number}) as an unsigned integer, and the pledge
 * is drawn iff {@code value × 100 < ratio × 2^64}. {@code rootHash} is the root of the latest signed tree
 * head of the publication log when the pledge was made (published by the justice bureau, not chosen by the
 * department), {@code number} the pledge number (made by the service at random); both are signed into the
 * pledge document with the result, and {@code GET /api/v1/transparency/tree-head?treeSize=n} gives the head.
 */
record PledgeDraw(String value, boolean drawn) {

    static final String DOMAIN = "certfree-pledge-draw:v1|";

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static PledgeDraw of(String rootHash, String number, int ratioPercent) {
        if (ratioPercent < 1 || ratioPercent > 100) {
            throw new IllegalArgumentException("ratio " + ratioPercent);
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest((DOMAIN + rootHash + "|" + number).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] first8 = Arrays.copyOf(digest, 8);
        BigInteger value = new BigInteger(1, first8);
        boolean drawn = value.multiply(BigInteger.valueOf(100)).compareTo(TWO_64.multiply(BigInteger.valueOf(ratioPercent))) < 0;
        return new PledgeDraw(HexFormat.of().formatHex(first8), drawn);
    }
}
