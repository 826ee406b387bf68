package org.certfree.proofs.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.proof.StatusSlots;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;

/**
 * The transparency check of the proofs' statuses against what their departments signed: a proof that
 * any stored, signed status list showed as revoked or superseded must not be VALID now (nothing returns
 * to VALID; the database refuses it, so a VALID one means someone went around the database's rules).
 * Every list's signature is checked too ({@code SIGNATURE}).
 */
@ApplicationScoped
class StatusListIntegrity implements IntegrityCheck {

    private static final int MAX_PROBLEMS = 100;

    @Inject
    JwsVerifier verifier;

    @Inject
    StatusSlots slots;

    @Inject
    ObjectMapper json;

    @Override
    @Transactional
    public IntegrityFindings check() {
        List<IntegrityFindings.Problem> problems = new ArrayList<>();
        Map<String, BitSet> unusable = new HashMap<>();
        long checked = 0;
        for (StatusListPublication p : StatusListPublication.<StatusListPublication>list("order by key.issuerDept, key.number")) {
            checked++;
            String ref = p.key.issuerDept() + "/" + p.key.number();
            JwsVerification v = verifier.verify(p.jws);
            if (v.outcome() == JwsOutcome.MALFORMED || v.outcome() == JwsOutcome.INVALID_SIGNATURE
                    || (v.departmentCode() != null && !v.departmentCode().equals(p.key.issuerDept()))) {
                problems.add(new IntegrityFindings.Problem("SIGNATURE", ref, Messages.STATUS_LIST_CHECK_SIGNATURE));
                continue;
            }
            try {
                JsonNode doc = json.readTree(v.payload());
                BitSet bits = bits(doc.path("encodedList").asText());
                unusable.computeIfAbsent(p.key.issuerDept(), d -> new BitSet()).or(bits);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new IntegrityFindings.Problem("SIGNATURE", ref, Messages.STATUS_LIST_CHECK_SIGNATURE));
            }
        }
        for (Map.Entry<String, BitSet> dept : unusable.entrySet()) {
            List<Integer> indexes = dept.getValue().stream().boxed().toList();
            for (StatusSlots.Slot valid : slots.validAmong(dept.getKey(), indexes)) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new IntegrityFindings.Problem("STATUS_LIST", valid.number(),
                            Messages.PROOF_CHECK_STATUS_LIST.formatted(dept.getKey(), valid.index())));
                }
            }
        }
        return new IntegrityFindings("status-lists", checked, problems);
    }

    /** The bits of a W3C Bitstring Status List's {@code encodedList} (index 0 = most significant bit of byte 0). */
    static BitSet bits(String encodedList) throws IOException {
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList)))) {
            raw = in.readNBytes(StatusSlots.MAX_LIST_BYTES + 1);
        }
        if (raw.length > StatusSlots.MAX_LIST_BYTES) {
            throw new IOException("status list larger than " + StatusSlots.MAX_LIST_BYTES + " bytes");
        }
        BitSet bits = new BitSet(raw.length * 8);
        for (int i = 0; i < raw.length * 8; i++) {
            if ((raw[i / 8] & (0x80 >>> (i % 8))) != 0) {
                bits.set(i);
            }
        }
        return bits;
    }
}
