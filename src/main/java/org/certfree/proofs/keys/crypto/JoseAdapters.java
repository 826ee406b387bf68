package org.certfree.proofs.keys.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Requirement;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.certfree.proofs.keys.KeyAlgorithm;

/**
 * Plugs our BouncyCastle signers into Nimbus JOSE+JWT, which does the JWS parsing and serialization
 * (compact and general JSON). Nimbus accepts any {@code alg} name through its JWSSigner/JWSVerifier
 * interfaces, so {@code SM2SM3} needs no change to the library.
 */
public final class JoseAdapters {

    public static final JWSAlgorithm SM2SM3 = new JWSAlgorithm(KeyAlgorithm.SM2_SM3.jwsAlg(), Requirement.OPTIONAL);

    private JoseAdapters() {
    }

    public static JWSAlgorithm jwsAlgorithm(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case SM2_SM3 -> SM2SM3;
            case ED25519 -> JWSAlgorithm.EdDSA;
        };
    }

    /** A Nimbus signer for one of our keys. */
    public static JWSSigner signer(KeyAlgorithm algorithm, Signatures.Signer signer) {
        JWSAlgorithm alg = jwsAlgorithm(algorithm);
        return new JWSSigner() {
            private final JCAContext jca = new JCAContext();

            @Override
            public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
                if (!alg.equals(header.getAlgorithm())) {
                    throw new JOSEException("header alg " + header.getAlgorithm() + " does not match key " + alg);
                }
                return Base64URL.encode(signer.sign(signingInput));
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return Set.of(alg);
            }

            @Override
            public JCAContext getJCAContext() {
                return jca;
            }
        };
    }

    /** A Nimbus verifier for one of our keys; a header alg other than the key's never verifies. */
    public static JWSVerifier verifier(KeyAlgorithm algorithm, Signatures.Verifier verifier) {
        JWSAlgorithm alg = jwsAlgorithm(algorithm);
        return new JWSVerifier() {
            private final JCAContext jca = new JCAContext();

            @Override
            public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
                return alg.equals(header.getAlgorithm()) && verifier.verify(signingInput, signature.decode());
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return Set.of(alg);
            }

            @Override
            public JCAContext getJCAContext() {
                return jca;
            }
        };
    }
}
