package org.certfree.proofs.common;

import java.util.Optional;
import org.certfree.proofs.common.error.Messages;

/**
 * Unified social credit code (统一社会信用代码) per GB 32100-2015: registration authority, organisation
 * type, 6-digit area, the 9-character organisation code and a check character over the first 17 in a
 * 31-character alphabet without I, O, S, V, Z. The GB 11714 check inside the organisation code is not
 * enforced: codes in circulation that fail it exist, and refusing a real enterprise is worse than
 * the typo it would catch (the final check character already catches single-character errors).
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    private static final int[] ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

    private Uscc() {
    }

    /** The reason the value is not a valid USCC, or empty when it is valid. */
    public static Optional<String> problem(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of(Messages.ID_LENGTH_18);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return Optional.of(Messages.USCC_CHARACTER.formatted(i + 1, value.charAt(i)));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return Optional.of(Messages.USCC_REGION);
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            return Optional.of(Messages.ID_CHECK_CHARACTER.formatted(expected));
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** GB 32100 check character over the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** GB 11714 check character of the 8-character organisation code body. */
    public static char organisationCheck(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** Completes 16 characters (everything but the two check characters) into a valid USCC. */
    public static String complete(String first16) {
        String with17 = first16 + organisationCheck(first16.substring(8, 16));
        return with17 + checkCharacter(with17);
    }
}
