package org.certfree.proofs.system.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.jboss.logging.Logger;

/**
 * Converts idempotency records written before V33 (issue #13): a citizen's keys were filed under
 * their resident ID or USCC (the token subject), now under {@code holder:<blind index>} as
 * {@link Caller#actor()} names them; and answers stored before they were encrypted are encrypted.
 * Runs at start, before the HTTP server does, and converts only rows in the old form (in its own
 * transaction, rows locked as it goes), so a restart or a second replica converts nothing twice and a
 * retry within the 24 hours still gets the stored answer. Needs the personal-data keys, which the
 * database never sees: that is why this is not in the SQL migration.
 */
@ApplicationScoped
public class LegacyIdempotencyRecords {

    private static final Logger LOG = Logger.getLogger(LegacyIdempotencyRecords.class);

    @Inject
    EntityManager em;

    @Inject
    IdempotencyService idempotency;

    @Inject
    HolderIndex holders;

    @Inject
    PersonalDataProtector protector;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        int converted = convert();
        if (converted > 0) {
            LOG.infof("Idempotency records of before V33 converted: %d (citizens keyed by blind index, answers encrypted)",
                    converted);
        }
    }

    /** Converts the rows still in the old form; returns how many. */
    public int convert() {
        return QuarkusTransaction.requiringNew().call(() -> {
            idempotency.purgeExpired(); // nothing to convert in what goes anyway
            // a principal is "[dept/]subject"; a subject of 18 characters may be an identifier (checked below).
            // A stored answer is JSON in clear ("{", "[" …) or a ciphertext, whose base64 starts with "A" (version 1).
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT principal, key, body FROM idempotency_record
                    WHERE principal ~ '(^|/)[0-9A-Za-z]{18}$' OR body NOT LIKE 'A%'
                    FOR UPDATE""").getResultList();
            int converted = 0;
            for (Object[] row : rows) {
                String principal = (String) row[0];
                String body = (String) row[2];
                String rekeyed = rekeyed(principal);
                String sealed = body == null || body.startsWith("A") ? body : protector.encrypt(body, IdempotencyService.BODY_PURPOSE);
                if (rekeyed.equals(principal) && Objects.equals(sealed, body)) {
                    continue;
                }
                em.createNativeQuery("""
                        UPDATE idempotency_record SET principal = :rekeyed, body = :body
                        WHERE principal = :principal AND key = :key""")
                        .setParameter("rekeyed", rekeyed)
                        .setParameter("body", sealed)
                        .setParameter("principal", principal)
                        .setParameter("key", row[1])
                        .executeUpdate();
                converted++;
            }
            return converted;
        });
    }

    /** A principal whose subject is a resident ID or USCC, named by its blind index instead. */
    private String rekeyed(String principal) {
        int slash = principal.indexOf('/');
        String unit = slash < 0 ? "" : principal.substring(0, slash + 1);
        String subject = principal.substring(slash + 1);
        if (ResidentId.isValid(subject) || Uscc.isValid(subject)) {
            return unit + Caller.HOLDER_ACTOR_PREFIX + holders.of(subject);
        }
        return principal;
    }
}
