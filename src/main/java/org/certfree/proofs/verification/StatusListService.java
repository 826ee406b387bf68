package org.certfree.proofs.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.proof.IssuanceService;

/**
 * Signed status lists for offline verifiers, in the manner of the W3C Bitstring Status List: one
 * bit per status-list index of a department's proofs (set = revoked or superseded), at least
 * 131,072 entries, GZIP-compressed and base64url-encoded, signed by the department (compact JWS,
 * SM2-SM3), valid for a short time and numbered upwards. A new list is published when the last one
 * is past half its life or a proof was revoked after it was made.
 */
@ApplicationScoped
public class StatusListService {

    public static final String TYP = "certfree-status-list+jws";
    static final Duration VALIDITY = Duration.ofMinutes(10);

    @Inject
    EntityManager em;

    @Inject
    Jws keys;

    @Inject
    DepartmentService departments;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The current signed list of the department, publishing a fresh one when needed. */
    @Transactional
    public StatusListPublication current(String dept) {
        if (!departments.hasRole(dept, DepartmentRole.ISSUER)) {
            throw ApiException.notFound(Messages.STATUS_LIST_UNKNOWN.formatted(dept));
        }
        Instant now = clock.instant();
        Optional<StatusListPublication> latest = StatusListPublication.<StatusListPublication>find("key.issuerDept",
                Sort.descending("key.number"), dept).firstResultOptional();
        if (latest.isPresent() && fresh(latest.get(), dept, now)) {
            return latest.get();
        }
        // Serialise publishers of one department so numbers stay unique and increasing.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('status-list:' || :dept))")
                .setParameter("dept", dept).getSingleResult();
        latest = StatusListPublication.<StatusListPublication>find("key.issuerDept", Sort.descending("key.number"), dept)
                .firstResultOptional();
        if (latest.isPresent() && fresh(latest.get(), dept, now)) {
            return latest.get();
        }
        long number = latest.map(p -> p.key.number() + 1).orElse(1L);
        return publish(dept, number, now);
    }

    /**
     * Current while past neither its half-life nor its own issue time (a list dated ahead of the clock
     * is never trusted as current), and while no further proof of the department has stopped being valid.
     */
    private boolean fresh(StatusListPublication p, String dept, Instant now) {
        Instant halfLife = p.issuedAt.plus(Duration.between(p.issuedAt, p.validUntil).dividedBy(2));
        if (now.isAfter(halfLife) || p.issuedAt.isAfter(now) || p.changedCount == null) {
            return false;
        }
        long changed = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM proof WHERE issuer_dept = :dept AND status <> 'VALID'""")
                .setParameter("dept", dept).getSingleResult()).longValue();
        return changed == p.changedCount;
    }

    private StatusListPublication publish(String dept, long number, Instant now) {
        Object[] counted = (Object[]) em.createNativeQuery(
                "SELECT count(*), coalesce(max(status_list_index), -1) FROM proof WHERE issuer_dept = :dept")
                .setParameter("dept", dept).getSingleResult();
        long issued = ((Number) counted[0]).longValue();
        long highest = ((Number) counted[1]).longValue();
        int size = IssuanceService.STATUS_LIST_MIN_SIZE;
        // the size issuance grows by, and never smaller than a slot already handed out (issuance sizes
        // from a count each replica keeps for a while, which can run ahead after rolled-back issuances)
        while (issued * 2 >= size || highest >= size) {
            size *= 2;
        }
        @SuppressWarnings("unchecked")
        List<Number> set = em.createNativeQuery("""
                SELECT status_list_index FROM proof WHERE issuer_dept = :dept AND status <> 'VALID'""")
                .setParameter("dept", dept).getResultList();
        byte[] bits = new byte[size / 8];
        for (Number index : set) {
            int i = index.intValue();
            // W3C Bitstring Status List: index 0 is the left-most (most significant) bit of byte 0.
            bits[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("typ", "certfree-status-list");
        doc.put("issuer", dept);
        doc.put("number", number);
        doc.put("statusPurpose", "revocation");
        doc.put("issuedAt", now.toString());
        doc.put("validUntil", now.plus(VALIDITY).toString());
        doc.put("size", size);
        doc.put("encodedList", Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits)));
        StatusListPublication p = new StatusListPublication();
        p.key = new StatusListPublication.Key(dept, number);
        p.issuedAt = now;
        p.validUntil = now.plus(VALIDITY);
        p.size = size;
        p.changedCount = (long) set.size();
        p.jws = keys.signCompact(dept, KeyAlgorithm.SM2_SM3, CanonicalJson.canonicalize(doc, json), TYP);
        p.persist();
        return p;
    }

    private static byte[] gzip(byte[] raw) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
            gz.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
