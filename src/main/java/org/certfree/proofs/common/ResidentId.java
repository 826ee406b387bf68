package org.certfree.proofs.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.certfree.proofs.common.error.Messages;

/** Citizen identity number (公民身份号码) per GB 11643-1999: 6-digit area, birth date, sequence, ISO 7064 MOD 11-2 check. */
public final class ResidentId {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

    private ResidentId() {
    }

    /** The reason the value is not a valid resident ID, or empty when it is valid. */
    public static Optional<String> problem(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of(Messages.ID_LENGTH_18);
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                return Optional.of(Messages.RESIDENT_ID_DIGITS);
            }
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return Optional.of(Messages.RESIDENT_ID_BIRTH_UNLIKELY.formatted(birth));
            }
        } catch (DateTimeException e) {
            return Optional.of(Messages.RESIDENT_ID_BIRTH_INVALID);
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (Character.toUpperCase(value.charAt(17)) != expected) {
            return Optional.of(Messages.ID_CHECK_CHARACTER.formatted(expected));
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Uppercases the check character ("x" → "X") so lookups and blind indexes agree. */
    public static String normalize(String value) {
        return value == null ? null : value.trim().toUpperCase();
    }

    /** "110105********002X": area and the last four characters stay visible. */
    public static String mask(String value) {
        if (value == null || value.length() < 10) {
            return "****";
        }
        return value.substring(0, 6) + "********" + value.substring(value.length() - 4);
    }
}
