package org.certfree.proofs.ofd;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.proof.render.ProofDocument;

/**
 * What makes a page a purpose-bound copy (加注件) rather than the proof: the using unit it is bound to, the purpose
 * (printed in the field table and as a watermark across the page), the copy's expiry, and its signed token, which
 * the OFD carries in its metadata so a unit can check the copy offline with the JWKS and the status list alone.
 *
 * @param id       the copy's id (the token's {@code jti})
 * @param unitCode the using unit's code (the token's {@code aud})
 * @param unitName the using unit's name, as printed
 * @param purpose  the purpose, at most 200 characters
 * @param madeAt   when the copy was made
 * @param expires  when the copy stops being valid
 * @param token    the copy's signed token (compact), as the copy-check endpoint and {@code verify-copy.mjs} take it
 */
public record CopyMark(UUID id, String unitCode, String unitName, String purpose, Instant madeAt, Instant expires,
        String token) {

    static final String ID = "加注件编号";
    static final String UNIT = "加注件使用单位";
    static final String UNIT_CODE = "加注件使用单位代码";
    static final String PURPOSE = "加注件用途";
    static final String EXPIRES = "加注件有效期至";
    static final String TOKEN = "加注件令牌";

    public CopyMark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(token, "token");
    }

    /** The watermark line: unit, purpose and expiry, as a person reads them on the page. */
    String watermark() {
        return "加注件　仅供" + unitName + "用于" + purpose + "　" + ProofDocument.displayTime(expires) + "前有效";
    }

    /** The elements the OFD's {@code CustomDatas} carry beside the GB/T 36905 metadata. */
    Map<String, String> elements() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ID, id.toString());
        out.put(UNIT, unitName);
        out.put(UNIT_CODE, unitCode);
        out.put(PURPOSE, purpose);
        out.put(EXPIRES, expires.toString());
        out.put(TOKEN, token);
        return out;
    }

    /** The copy's id and token read back from an OFD's custom data; empty when the document is not a copy. */
    public static Optional<Read> from(Map<String, String> data) {
        String id = data.get(ID);
        String token = data.get(TOKEN);
        if (id == null || token == null) {
            return Optional.empty();
        }
        return Optional.of(new Read(id, data.get(UNIT_CODE), data.get(PURPOSE), token));
    }

    /** A copy's elements as read from an untrusted file (checked by whoever reads them). */
    public record Read(String id, String unitCode, String purpose, String token) {
    }
}
