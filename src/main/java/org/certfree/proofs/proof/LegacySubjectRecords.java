package org.certfree.proofs.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Encrypts the claims of subject records stored in clear before V33 (issue #13): V33 turned the jsonb
 * column into text, and only the service holds the personal-data key. Runs at start, before the HTTP
 * server does, in batches of {@value #BATCH} rows each in its own transaction; it picks only rows still
 * in clear ({@code {…}}; a ciphertext's base64 never starts with "{") and skips rows another replica has
 * locked, so replicas starting together share the work and a restart converts nothing twice.
 */
@ApplicationScoped
public class LegacySubjectRecords {

    private static final Logger LOG = Logger.getLogger(LegacySubjectRecords.class);
    private static final int BATCH = 500;
    private static final TypeReference<LinkedHashMap<String, String>> CLAIMS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    SubjectRecords records;

    @Inject
    ObjectMapper json;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        int converted = convert();
        if (converted > 0) {
            LOG.infof("Subject records of before V33: the claims of %d encrypted", converted);
        }
    }

    /** Encrypts every record's claims still in clear; returns how many. */
    public int convert() {
        int total = 0;
        for (int done = BATCH; done == BATCH; total += done) {
            done = QuarkusTransaction.requiringNew().call(this::convertBatch);
        }
        return total;
    }

    private int convertBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT issuer_dept, matter_code, subject_id_index, claims_enc FROM subject_record
                WHERE claims_enc LIKE '{%' LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .setParameter("batch", BATCH).getResultList();
        for (Object[] row : rows) {
            String sealed;
            try {
                sealed = records.encryptClaims(json.readValue((String) row[3], CLAIMS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a subject record's claims (V33) are not JSON", e);
            }
            em.createNativeQuery("""
                    UPDATE subject_record SET claims_enc = :sealed
                    WHERE issuer_dept = :dept AND matter_code = :matter AND subject_id_index = :subject""")
                    .setParameter("sealed", sealed).setParameter("dept", row[0]).setParameter("matter", row[1])
                    .setParameter("subject", row[2]).executeUpdate();
        }
        return rows.size();
    }
}
