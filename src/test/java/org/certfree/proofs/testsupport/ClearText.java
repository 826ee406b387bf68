package org.certfree.proofs.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data written in clear in stored or logged text: as it is (case-insensitively, so a
 * resident ID's check character "x" counts), behind JSON {@code \\uXXXX} escapes, and inside base64,
 * base64url and hex tokens (a JWS, a token, a serialized answer), decoded a few levels deep. Ciphertext
 * decodes to random bytes and is never a hit.
 */
public final class ClearText {

    /** Runs of the base64 and base64url alphabets long enough to hide something (16 chars = 12 bytes). */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{16,}");
    private static final Pattern HEX_RUN = Pattern.compile("(?:[0-9a-fA-F]{2}){8,}");
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final int DEPTH = 3;

    private ClearText() {
    }

    /** The first of {@code needles} that {@code text} holds, with how it was found ("in clear", "in base64" …). */
    public static Optional<String> find(String text, Collection<String> needles) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<String> lower = needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        return find(text, lower, DEPTH, "in clear");
    }

    /** As {@link #find(String, Collection)}, for raw bytes (a bytea column): read as UTF-8 first. */
    public static Optional<String> find(byte[] bytes, Collection<String> needles) {
        return bytes == null ? Optional.empty() : find(new String(bytes, StandardCharsets.UTF_8), needles);
    }

    private static Optional<String> find(String text, List<String> needles, int depth, String how) {
        for (String haystack : List.of(text.toLowerCase(Locale.ROOT), unescape(text).toLowerCase(Locale.ROOT))) {
            for (String needle : needles) {
                if (haystack.contains(needle)) {
                    return Optional.of(needle + " " + how);
                }
            }
        }
        if (depth == 0) {
            return Optional.empty();
        }
        for (String decoded : decodings(text)) {
            Optional<String> hit = find(decoded, needles, depth - 1, "in an encoded token (" + how + ")");
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** Every base64/base64url run of the text decoded at each of the four alignments, and every hex run. */
    private static List<String> decodings(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BASE64_RUN.matcher(text);
        while (m.find()) {
            String run = m.group().replace('+', '-').replace('/', '_');
            for (int offset = 0; offset < 4 && run.length() - offset >= 16; offset++) {
                String aligned = run.substring(offset);
                if (aligned.length() % 4 == 1) { // never a whole base64 text: drop the stray character
                    aligned = aligned.substring(0, aligned.length() - 1);
                }
                try {
                    out.add(new String(Base64.getUrlDecoder().decode(aligned), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // not base64 after all
                }
            }
        }
        Matcher h = HEX_RUN.matcher(text);
        while (h.find()) {
            out.add(new String(HexFormat.of().parseHex(h.group()), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String unescape(String text) {
        return JSON_ESCAPE.matcher(text).replaceAll(r -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(r.group(1), 16))));
    }
}
