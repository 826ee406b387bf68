package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.integrity.RowMac;

/**
 * Writes every {@link HolderAccess} to the holders' access log ({@code holder_access}), synchronously and
 * in the transaction of the read or action, so the entry commits or rolls back with it; a read outside
 * any transaction (a GET) gets a transaction of its own, and a failure to write fails the read.
 */
@ApplicationScoped
public class HolderAccessRecorder {

    @Inject
    RowMac macs;

    @Transactional(Transactional.TxType.REQUIRED)
    void record(@Observes HolderAccess access) {
        row(access).persist();
    }

    /** The log row of {@code access}, with its MAC, not yet stored. */
    HolderAccessRecord row(HolderAccess access) {
        Objects.requireNonNull(access.holderIndex(), "a holder access names its holder");
        Objects.requireNonNull(access.kind(), "a holder access says what was done");
        if (access.kind() == AccessKind.VERIFICATION) {
            throw new IllegalArgumentException("verifications are logged with their receipts, not as holder accesses");
        }
        HolderAccessRecord r = new HolderAccessRecord();
        r.id = UUID.randomUUID();
        r.at = access.at().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        r.subjectIdIndex = access.holderIndex();
        r.kind = access.kind();
        r.unitCode = clip(access.unit(), 32);
        r.actor = clip(access.actor() == null ? "system" : access.actor(), 128);
        r.proofNumber = clip(access.proofNumber(), 32);
        r.requestId = access.requestId();
        r.consentId = access.consentId();
        r.purpose = clip(access.purpose(), 200);
        r.details = new String(CanonicalJson.canonicalizeStrings(access.details()), StandardCharsets.UTF_8);
        r.mac = macs.of(HolderAccessRows.MAC_PURPOSE, columns(r));
        return r;
    }

    /** The row's columns as the sealing reads them back (text values, nulls left out). */
    private static Map<String, String> columns(HolderAccessRecord r) {
        Map<String, String> c = new TreeMap<>();
        c.put("id", r.id.toString());
        c.put("at", r.at.toString());
        c.put("subject_id_index", r.subjectIdIndex);
        c.put("kind", r.kind.name());
        c.put("unit_code", r.unitCode);
        c.put("actor", r.actor);
        c.put("proof_number", r.proofNumber);
        c.put("request_id", r.requestId == null ? null : r.requestId.toString());
        c.put("consent_id", r.consentId == null ? null : r.consentId.toString());
        c.put("purpose", r.purpose);
        c.put("details", r.details);
        c.values().removeIf(Objects::isNull);
        return c;
    }

    /** At most {@code max} characters as PostgreSQL counts them (code points): never half a surrogate pair. */
    private static String clip(String s, int max) {
        return s == null || s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }
}
