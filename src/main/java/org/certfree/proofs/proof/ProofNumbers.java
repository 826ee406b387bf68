package org.certfree.proofs.proof;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.certfree.proofs.common.error.Messages;

/**
 * Proof numbers (证明编号) and verification codes. A number is {@code ZM-<year>-XXXX-XXXX-XXXX-C}:
 * 12 random Crockford base32 characters (60 bits from SecureRandom: unguessable, so number plus
 * code cannot be enumerated) and a Luhn mod 32 check character over year and random part, which
 * catches every single-character typo and most swaps of neighbours when a number is typed in.
 */
public final class ProofNumbers {

    /** Crockford base32: no I, L, O, U, so 0/O and 1/I/L are not confused when read aloud. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARS = 12;

    /** The shape of a number (compiled once: a bulk revocation checks a hundred thousand). */
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile(
            "^ZM-\\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$");

    private final SecureRandom random = new SecureRandom();

    public String newNumber(int year) {
        StringBuilder body = new StringBuilder(RANDOM_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            body.append(ALPHABET.charAt(random.nextInt(32)));
        }
        String y = Integer.toString(year);
        char check = checkCharacter(y + body);
        return "ZM-" + y + "-" + body.substring(0, 4) + "-" + body.substring(4, 8) + "-" + body.substring(8, 12) + "-" + check;
    }

    /** Six digits; with a 60-bit number it only guards against a number seen over someone's shoulder. */
    public String newVerificationCode() {
        return String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    }

    /** Upper-cases, drops spaces and maps the look-alikes Crockford allows (O→0, I/L→1). */
    public static String normalize(String number) {
        if (number == null) {
            return "";
        }
        return number.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace('O', '0').replace('I', '1').replace('L', '1');
    }

    /** Why {@code number} is not a well-formed proof number, or empty when it is. */
    public static Optional<String> problem(String number) {
        if (number == null || !FORMAT.matcher(number).matches()) {
            return Optional.of(Messages.PROOF_NUMBER_FORMAT);
        }
        String compact = number.substring(3).replace("-", "");
        String payload = compact.substring(0, compact.length() - 1);
        if (checkCharacter(payload) != compact.charAt(compact.length() - 1)) {
            return Optional.of(Messages.PROOF_NUMBER_CHECK);
        }
        return Optional.empty();
    }

    /** Luhn mod N (N = 32) over the Crockford alphabet. */
    static char checkCharacter(String input) {
        int factor = 2;
        int sum = 0;
        for (int i = input.length() - 1; i >= 0; i--) {
            int code = ALPHABET.indexOf(input.charAt(i));
            if (code < 0) {
                throw new IllegalArgumentException("not a Crockford base32 character: " + input.charAt(i));
            }
            int addend = factor * code;
            factor = factor == 2 ? 1 : 2;
            addend = addend / 32 + addend % 32;
            sum += addend;
        }
        int remainder = sum % 32;
        return ALPHABET.charAt((32 - remainder) % 32);
    }
}
