package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.ofd.dto.DepartmentSealsView;
import org.certfree.proofs.system.audit.StaffActions;

/**
 * An ADMIN loads a department's official seal ({@code .esl} from the official seal system). It must parse as a GB/T
 * 38540 V4 seal whose maker signed it, its maker must be one {@link OfdTrusts} accepts (chain, key usage, not a
 * department's signing certificate) and not be revoked, it
 * must be valid now and list the certificate of the department's ACTIVE SM2 key; otherwise a 4xx problem says what to
 * bring, and nothing changes. The same seal again changes nothing.
 */
@ApplicationScoped
public class SealUploads {

    /** Largest {@code .esl} accepted: a seal is a picture and a few certificates. */
    static final int MAX_BYTES = 1024 * 1024;

    @Inject
    DepartmentSeals seals;

    @Inject
    OfdTrusts trusts;

    @Inject
    StaffActions staffActions;

    @Inject
    Clock clock;

    @Transactional
    public DepartmentSealsView load(String departmentCode, byte[] esl, String actor) {
        if (esl == null || esl.length == 0) {
            throw ApiException.badParameter("body", Messages.SEAL_EMPTY);
        }
        if (esl.length > MAX_BYTES) {
            throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, Messages.SEAL_TOO_LARGE);
        }
        Instant now = clock.instant();
        Seals.SealInfo info;
        try {
            info = Seals.parse(esl);
        } catch (OfdRefused e) {
            throw ApiException.badParameter("body", Messages.SEAL_NOT_ESL.formatted(e.getMessage()));
        }
        OfdTrust trust = trusts.current();
        try {
            Seals.check(esl, trust, now);
        } catch (OfdRefused e) {
            String maker = info.maker().getSubjectX500Principal().getName();
            throw ApiException.unprocessable(switch (e.refusal()) {
                case REVOKED -> Messages.SEAL_MAKER_REVOKED.formatted(e.getMessage());
                case NOT_VALID_AT_SIGNING -> Messages.SEAL_NOT_VALID_NOW.formatted(info.validFrom(), info.validUntil());
                default -> Seals.notAMaker(e, trust, info.maker()) ? Messages.SEAL_MAKER_NOT_ALLOWED.formatted(maker, e.detail())
                        : Messages.SEAL_MAKER_UNTRUSTED.formatted(maker);
            });
        }
        DepartmentSeals.Signer signer = seals.signer(departmentCode, Messages.SEAL_KEY_UNCERTIFIED);
        X509Certificate leaf = signer.leaf();
        String fingerprint = Sm2Pki.fingerprint(Sm2Pki.der(leaf));
        if (!info.allows(leaf)) {
            throw ApiException.unprocessable(Messages.SEAL_WRONG_CERTIFICATE.formatted(departmentCode, signer.key().kid(),
                    Sm2Pki.hex(leaf.getSerialNumber()), leaf.getIssuerX500Principal().getName(), fingerprint));
        }
        seals.lock(departmentCode);
        DepartmentSeal current = DepartmentSeal.current(departmentCode);
        if (current == null || !Arrays.equals(current.esl, esl)) {
            List<String> listed = info.users().stream().map(c -> Sm2Pki.fingerprint(Sm2Pki.der(c))).toList();
            seals.store(departmentCode, esl, listed, info.id(), info.name(), info.validFrom(), info.validUntil(),
                    info.maker(), DepartmentSeal.Source.OFFICIAL, actor, now);
            staffActions.record("ofd.seal.loaded", departmentCode, "seal", info.id(), "maker",
                    info.maker().getSubjectX500Principal().getName(), "source", "OFFICIAL");
        }
        return seals.view(departmentCode);
    }
}
