package org.certfree.proofs.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.pki.Sm2Pki;

/**
 * The signing use of a department's ACTIVE SM2 key (the key that signs its proofs) for signature formats other than
 * JWS, such as the OFD seal: signatures are made in this process by the key directory's unsealed signer; the private
 * key is never handed out. The key is confirmed ACTIVE in the database first (a rotation or compromise on another
 * replica holds at once), and in production refused (409) while no trusted certificate covers it, as for proofs. A
 * signature made later, outside that transaction (an OFD is sealed after its read commits), confirms the key again
 * in a short transaction of its own: a compromise or rotation committed in between refuses it (409, retry).
 */
@ApplicationScoped
public class ActiveSm2Signing {

    @Inject
    KeyDirectory directory;

    /** Signs with one ACTIVE SM2 key. */
    public interface Sm2Signer {

        /** The RFC 7638 thumbprint of the key. */
        String kid();

        /** The SM2-with-SM3 signature of {@code message} (GM/T 0009 default user ID), DER {@code SEQUENCE { r, s }}. */
        byte[] signDer(byte[] message);
    }

    /** The department's ACTIVE SM2 key (made on first use, like its other keys). */
    public Sm2Signer active(String departmentCode) {
        KeyDirectory.ActiveKey key = directory.confirmedActive(departmentCode, List.of(KeyAlgorithm.SM2_SM3)).get(0);
        JWSHeader header = new JWSHeader(key.signer().supportedJWSAlgorithms().iterator().next());
        return new Sm2Signer() {
            @Override
            public String kid() {
                return key.kid();
            }

            @Override
            public byte[] signDer(byte[] message) {
                boolean active = QuarkusTransaction.isActive() || QuarkusTransaction.requiringNew()
                        .call(() -> directory.stillActive(key.kid()));
                if (!active) {
                    throw ApiException.conflict(Messages.KEYS_CHANGED_WHILE_SIGNING.formatted(departmentCode));
                }
                try {
                    return Sm2Pki.derSignature(key.signer().sign(header, message).decode());
                } catch (JOSEException e) {
                    throw new IllegalStateException("SM2 signing with key " + key.kid() + " failed", e);
                }
            }
        };
    }
}
