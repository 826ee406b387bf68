package org.certfree.proofs.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.proof.ProofStatus;
import org.junit.jupiter.api.Test;

/**
 * The access log's batch write (one statement over arrays, one per column): every column of every
 * row arrives where it belongs, nulls included, and a batch is all or none.
 */
@QuarkusTest
class VerificationStoreTest {

    @Inject
    VerificationStore store;

    private static Verification row(int n, boolean full) {
        Verification v = new Verification();
        v.id = UUID.randomUUID();
        v.unitCode = "UNIT" + n;
        v.verifier = "verifier-" + n;
        v.purpose = "用途 " + n + " \"quoted\", {braced}";
        v.indication = full ? Indication.TOTAL_PASSED : Indication.TOTAL_FAILED;
        v.verifiedAt = Instant.parse("2026-11-29T08:00:00.123456Z").plusSeconds(n);
        v.retrieved = full;
        if (full) {
            v.proofNumber = "ZM-2026-TEST-" + n;
            v.subjectIdIndex = "index-" + n;
            v.issuerDept = "DEPT" + n;
            v.matterCode = "MATTER-" + n;
            v.serviceMatter = "办理事项 " + n;
            v.proofStatus = ProofStatus.VALID;
            v.consentId = UUID.randomUUID();
            v.receipt = "{\"payload\":\"p" + n + "\",\"index\":" + n + "}";
        } else {
            v.subIndication = SubIndication.FORMAT_FAILURE;
        }
        return v;
    }

    private static Verification read(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Verification.<Verification>findById(id));
    }

    @Test
    void everyColumnOfEveryRowIsWrittenWhereItBelongs() {
        List<Verification> rows = List.of(row(1, true), row(2, false), row(3, true));
        store.insertAndCommit(rows);
        for (Verification want : rows) {
            Verification got = read(want.id);
            assertNotNull(got, "row " + want.unitCode);
            assertEquals(want.proofNumber, got.proofNumber);
            assertEquals(want.subjectIdIndex, got.subjectIdIndex);
            assertEquals(want.issuerDept, got.issuerDept);
            assertEquals(want.matterCode, got.matterCode);
            assertEquals(want.unitCode, got.unitCode);
            assertEquals(want.verifier, got.verifier);
            assertEquals(want.purpose, got.purpose);
            assertEquals(want.serviceMatter, got.serviceMatter);
            assertEquals(want.indication, got.indication);
            assertEquals(want.subIndication, got.subIndication);
            assertEquals(want.proofStatus, got.proofStatus);
            assertEquals(want.retrieved, got.retrieved);
            assertEquals(want.consentId, got.consentId);
            assertEquals(want.verifiedAt, got.verifiedAt);
            assertEquals(want.receipt, got.receipt);
        }
        assertNull(read(rows.get(1).id).consentId);
        assertTrue(read(rows.get(0).id).retrieved);
        assertFalse(read(rows.get(1).id).retrieved);
    }

    @Test
    void aBatchIsAllOrNone() {
        Verification good = row(4, true);
        Verification clash = row(5, true);
        store.insertAndCommit(List.of(clash));
        Verification again = row(6, true);
        again.id = clash.id; // primary key taken: the whole batch must fail
        assertThrows(IllegalStateException.class, () -> store.insertAndCommit(List.of(good, again)));
        assertNull(read(good.id), "no row of a failed batch is kept");
    }
}
