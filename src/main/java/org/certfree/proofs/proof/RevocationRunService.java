package org.certfree.proofs.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.dto.BulkRevocationView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.jboss.logging.Logger;

/**
 * Carries out a checked bulk revocation as a durable run (V46): plans it — the selection read once, its revocable
 * proofs split into chunks, stored and committed — or finds the run a repeat of the request left unfinished, has
 * {@link RevocationRunner} do the open chunks on several connections at once, then finishes it: the run recorded
 * ({@code proofs.bulk-revoked}) and the department's status list republished, once, by whichever repeat or replica
 * finishes it. The HTTP call stays synchronous: it answers when every chunk is done, so a 2xx means all is durable;
 * a failure or a crash leaves each chunk revoked with its rows or untouched, and the same request finishes the run.
 */
@ApplicationScoped
class RevocationRunService {

    private static final Logger LOG = Logger.getLogger(RevocationRunService.class);

    @Inject
    BulkRevocation bulk;

    @Inject
    RevocationRuns runs;

    @Inject
    RevocationRunner runner;

    @Inject
    StaffActions staffActions;

    @Inject
    Event<ProofsRevoked> revokedEvents;

    @Inject
    CertfreeConfig config;

    @Inject
    Clock clock;

    /** Tests: chunks of this size instead of the configured one (null: the configured). */
    private volatile Integer chunkSizeForTests;

    void chunkSizeForTests(Integer size) {
        chunkSizeForTests = size;
    }

    private int chunkSize() {
        Integer size = chunkSizeForTests;
        return size != null ? size : config.revocations().chunkSize();
    }

    /**
     * Revokes {@code selection} of {@code dept} by {@code caller} (a request's), resuming the run of an earlier
     * attempt of the same request (same idempotency key, or same selection, reason and note) if there is one.
     * Joins the caller's transaction only to finish (a keyed request's, whose stored answer commits with it).
     */
    BulkRevocationView revoke(String dept, RevocationSelection selection, RevocationReason reason, String note, Caller caller,
            String idempotencyKey) {
        String fingerprint = fingerprint(selection, reason, note);
        long t0 = System.nanoTime();
        RevocationRuns.Run run = QuarkusTransaction.requiringNew().call(() -> runs.repeated(dept, caller.actor(), idempotencyKey,
                fingerprint).orElseGet(() -> plan(dept, selection, reason, note, caller.actor(), idempotencyKey, fingerprint)));
        long t1 = System.nanoTime();
        if (!run.done()) {
            // the workers are no request: they act as the caller, named and scoped as the request's token says
            runner.complete(run, Caller.acting(caller.subject(), dept, Role.ISSUER));
        }
        long t2 = System.nanoTime();
        BulkRevocationView view = QuarkusTransaction.joiningExisting().call(() -> finish(run, caller));
        LOG.infof("Revocation run %s of %s (%s): planned or found in %d ms, chunks done in %d ms, %d revoked", run.id(), dept,
                selection.name(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, view.revoked());
        return view;
    }

    /** Reads the selection once and stores the run (in the caller's transaction); 422 beyond the limit, storing nothing. */
    private RevocationRuns.Run plan(String dept, RevocationSelection selection, RevocationReason reason, String note, String actor,
            String idempotencyKey, String fingerprint) {
        // a selection whose condition is costly (a key's: the signature headers) is read on its cheap part only; its
        // chunks apply it, side by side. Beyond the limit, the exact selection decides (one connection, rare).
        long t0 = System.nanoTime();
        RevocationSelection.SignedBy also = selection.candidates() != selection ? (RevocationSelection.SignedBy) selection : null;
        List<BulkRevocation.Selected> selected = bulk.select(dept, selection.candidates(), BulkRevocationService.MAX_PROOFS);
        if (also != null && selected.size() > BulkRevocationService.MAX_PROOFS) {
            also = null;
            selected = bulk.select(dept, selection, BulkRevocationService.MAX_PROOFS);
        }
        if (selected.size() > BulkRevocationService.MAX_PROOFS) {
            throw ApiException.unprocessable(Messages.BULK_REVOKE_TOO_MANY_PROOFS.formatted(BulkRevocationService.MAX_PROOFS));
        }
        List<UUID> toRevoke = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> superseded = new ArrayList<>();
        List<String> disputed = new ArrayList<>();
        for (BulkRevocation.Selected s : selected) {
            switch (also != null ? 'R' : s.kind()) { // candidates: the chunks tell what each is
                case 'R' -> toRevoke.add(s.id());
                case 'A' -> already.add(s.number());
                case 'S' -> superseded.add(s.number());
                default -> disputed.add(s.number());
            }
        }
        Integer listed = null;
        Integer notFound = null;
        List<String> notFoundNumbers = null;
        if (selection instanceof RevocationSelection.Numbers n) {
            Set<String> missing = new LinkedHashSet<>(n.numbers());
            selected.forEach(s -> missing.remove(s.number()));
            listed = n.numbers().size();
            notFound = missing.size();
            notFoundNumbers = missing.stream().sorted().limit(BulkRevocationService.MAX_LISTED).toList();
        }
        Instant now = clock.instant();
        long t1 = System.nanoTime();
        RevocationRuns.Run run = new RevocationRuns.Run(UUID.randomUUID(), dept, actor, selection.name(), reason, note, false, now,
                listed, notFound, notFoundNumbers, also);
        runs.create(run, idempotencyKey, fingerprint, toRevoke, chunkSize(),
                new BulkRevocation.Outcome(List.of(), already, superseded, disputed, List.of()), BulkRevocationService.MAX_LISTED);
        LOG.infof("Revocation run %s of %s (%s) planned: %d selected (read in %d ms), %d to revoke in chunks of %d (stored in %d ms)",
                run.id(), dept, selection.name(), selected.size(), (t1 - t0) / 1_000_000, toRevoke.size(), chunkSize(),
                (System.nanoTime() - t1) / 1_000_000);
        return run;
    }

    /** In the caller's transaction: marks the run done (once), and answers what it did. */
    private BulkRevocationView finish(RevocationRuns.Run run, Caller caller) {
        RevocationRuns.Totals t = runs.totals(run.id(), BulkRevocationService.MAX_LISTED);
        if (t.open() > 0) { // a worker of another replica failed on a chunk after we waited for it
            throw new IllegalStateException("revocation run " + run.id() + " still has " + t.open() + " open chunks");
        }
        BulkRevocationView view = new BulkRevocationView(run.id(), false, run.department(), run.selector(), run.reason(),
                run.createdAt(), run.listed(), t.matched(), t.revoked(), t.alreadyRevoked(), t.superseded(), t.disputed(),
                run.notFound(), null, t.disputedNumbers(), t.alreadyNumbers(), run.notFoundNumbers(),
                "/api/v1/status-lists/" + run.department());
        if (runs.finish(run.id(), clock.instant())) {
            if (t.revoked() > 0) {
                revokedEvents.fire(new ProofsRevoked(run.department(), t.revoked()));
            }
            staffActions.record(caller, "proofs.bulk-revoked", run.department(), "revocation", run.id(), "selector", run.selector(),
                    "reason", run.reason(), "matched", view.matched(), "revoked", view.revoked(), "alreadyRevoked",
                    view.alreadyRevoked(), "superseded", view.superseded(), "skippedDisputed", view.skippedDisputed(), "notFound",
                    view.notFound());
        }
        return view;
    }

    /** SHA-256 (hex) of what makes two requests the same run: selector, parameters, reason and note. */
    static String fingerprint(RevocationSelection selection, RevocationReason reason, String note) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(selection.name(), selection.parameters(), reason.name(), note)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
