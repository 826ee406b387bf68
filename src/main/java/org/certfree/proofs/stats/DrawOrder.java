package org.certfree.proofs.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The order of a 随机抽查 draw, reproducible by anyone: each candidate's key is the hex SHA-256 of
 * {@code "certfree-inspection-draw:v1|" + rootHash + "|" + id} (UTF-8), where {@code rootHash} is the root of
 * the latest signed tree head of the publication log when the draw is made (published by the justice bureau's
 * log, not chosen by the inspected department) and {@code id} the candidate's proof or pledge number or
 * verification id; the candidates are sorted by key (ties by id) and the first {@code size} drawn.
 */
public final class DrawOrder {

    static final String DOMAIN = "certfree-inspection-draw:v1|";

    private DrawOrder() {
    }

    static String key(String rootHash, String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((DOMAIN + rootHash + "|" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA-256 of the ids sorted (by UTF-16 code unit order, as {@link String#compareTo}) and joined by "\n". */
    static String candidatesDigest(List<String> candidates) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", candidates.stream().sorted().toList()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> draw(String rootHash, List<String> candidates, int size) {
        record Keyed(String key, String id) {
        }
        return candidates.stream().map(id -> new Keyed(key(rootHash, id), id))
                .sorted(Comparator.comparing(Keyed::key).thenComparing(Keyed::id))
                .limit(size).map(Keyed::id).toList();
    }
}
