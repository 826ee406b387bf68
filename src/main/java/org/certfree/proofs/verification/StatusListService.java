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
import org.certfree.proofs.proof.StatusSlots;

/**
 * Signed status lists for offline verifiers, in the manner of the W3C Bitstring Status List: one
 * bit per status-list index of a department's proofs (set = revoked or superseded), and a second
 * bitstring under {@code suspension} ({@code statusPurpose: suspension}, set = suspended while disputed), at least
 * 131,072 entries, GZIP-compressed and base64url-encoded, signed by the department (compact JWS,
 * SM2-SM3), valid for a short time and numbered upwards. A new list is published when the last one
 * is past half its life or a proof was revoked, suspended or un-suspended after it was made.
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
    StatusSlots slots;

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
     * Publishes a new list of the department now, without first counting whether the last one is stale: after a
     * bulk revocation it is, and each count reads every revoked slot of the department (two of the four reads that
     * {@link #current} makes when it publishes). The snapshot it signs is read after the lock, as there.
     */
    @Transactional
    public StatusListPublication republish(String dept) {
        if (!departments.hasRole(dept, DepartmentRole.ISSUER)) {
            throw ApiException.notFound(Messages.STATUS_LIST_UNKNOWN.formatted(dept));
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('status-list:' || :dept))")
                .setParameter("dept", dept).getSingleResult();
        long number = StatusListPublication.<StatusListPublication>find("key.issuerDept", Sort.descending("key.number"), dept)
                .firstResultOptional().map(p -> p.key.number() + 1).orElse(1L);
        return publish(dept, number, clock.instant());
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
        return slots.unusableCount(dept) == p.changedCount && slots.suspensionMark(dept).equals(p.suspensionMark);
    }

    private StatusListPublication publish(String dept, long number, Instant now) {
        StatusSlots.Snapshot slotted = slots.snapshot(dept);
        int size = slotted.size();
        byte[] bits = bitstring(size, slotted.unusable());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("typ", "certfree-status-list");
        doc.put("issuer", dept);
        doc.put("number", number);
        doc.put("statusPurpose", "revocation");
        doc.put("issuedAt", now.toString());
        doc.put("validUntil", now.plus(VALIDITY).toString());
        doc.put("size", size);
        doc.put("encodedList", Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits)));
        // the second bitstring (same size, same indexes): set while a dispute on the proof is open, cleared
        // when it is dismissed — reversible, unlike the revocation bits above, which old verifiers keep reading
        doc.put("suspension", Map.of("statusPurpose", "suspension",
                "encodedList", Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bitstring(size, slotted.suspended())))));
        StatusListPublication p = new StatusListPublication();
        p.key = new StatusListPublication.Key(dept, number);
        p.issuedAt = now;
        p.validUntil = now.plus(VALIDITY);
        p.size = size;
        p.changedCount = (long) slotted.unusable().size();
        p.suspensionMark = slotted.suspensionMark();
        p.jws = keys.signCompact(dept, KeyAlgorithm.SM2_SM3, CanonicalJson.canonicalize(doc, json), TYP);
        p.persist();
        return p;
    }

    private static byte[] bitstring(int size, List<Integer> set) {
        byte[] bits = new byte[size / 8];
        for (int i : set) {
            // W3C Bitstring Status List: index 0 is the left-most (most significant) bit of byte 0.
            bits[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return bits;
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
