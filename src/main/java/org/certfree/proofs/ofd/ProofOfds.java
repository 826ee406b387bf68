package org.certfree.proofs.ofd;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.certfree.proofs.proof.ProofQueries;
import org.certfree.proofs.proof.ProofRendering;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * A proof's OFD, sealed by its issuing department: the PDF's access rules, masking and access-log row (kind
 * {@link AccessKind#PROOF_PDF}, format {@code ofd}), built from the caller's view and signed with the department's
 * ACTIVE SM2 key and current seal. The read, the log row and the choice of seal commit together, so a refusal (no seal
 * in production: 409) leaves no log row; building and sealing (tens of milliseconds) run after, holding no connection.
 * Nothing is cached: each OFD is built from the view of the request.
 */
@ApplicationScoped
public class ProofOfds {

    @Inject
    ProofQueries queries;

    @Inject
    ProofRendering rendering;

    @Inject
    DepartmentSeals seals;

    @Inject
    ProofOfdBuilder builder;

    @Inject
    OfdWork work;

    @Inject
    StaffActions staffActions;

    @Inject
    Clock clock;

    /** The OFD and its proof number. */
    public record Ofd(String number, byte[] bytes) {
    }

    private record Prepared(ProofView proof, OfdSealSigner.SealIdentity identity) {
    }

    public Ofd ofd(String number, Caller caller, String purpose) {
        Prepared prepared = QuarkusTransaction.joiningExisting().call(() -> {
            ProofView proof = queries.readFull(number, caller, AccessKind.PROOF_PDF, purpose, Map.of("format", "ofd"));
            OfdSealSigner.SealIdentity identity = seals.identity(proof.issuer().code());
            if (!caller.has(Role.CITIZEN)) { // staff downloading a holder's proof: an export of personal data
                staffActions.record("personal-data.exported", caller.department().orElse(null), "proof", proof.number(),
                        "format", "ofd");
            }
            return new Prepared(proof, identity);
        });
        return work.run(() -> {
            ProofOfdBuilder.UnsignedOfd unsigned = builder.build(rendering.document(prepared.proof()));
            return new Ofd(prepared.proof().number(), OfdSealSigner.seal(unsigned, prepared.identity(), clock.instant()));
        });
    }
}
