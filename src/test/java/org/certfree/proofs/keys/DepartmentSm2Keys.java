package org.certfree.proofs.keys;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.util.Arrays;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;

/**
 * Tests only: a department's ACTIVE SM2 private key as a JCA key, unsealed as the service unseals it, so a test can
 * seal an OFD exactly as the department would (until the service makes OFDs itself: {@code GET /proofs/{n}/ofd}).
 */
@ApplicationScoped
public class DepartmentSm2Keys {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @Inject
    KeyVault vault;

    @Inject
    KeyDirectory directory;

    /** The kid and private key of the department's ACTIVE SM2 key. */
    public record Sm2Key(String kid, PrivateKey privateKey) {
    }

    public Sm2Key active(String departmentCode) {
        String kid = directory.active(departmentCode, KeyAlgorithm.SM2_SM3).kid();
        byte[] d = QuarkusTransaction.requiringNew().call(() -> vault.privateKey(SigningKey.findById(kid)));
        try {
            X9ECParameters x9 = GMNamedCurves.getByName("sm2p256v1");
            ECNamedCurveParameterSpec curve = new ECNamedCurveParameterSpec("sm2p256v1", x9.getCurve(), x9.getG(),
                    x9.getN(), x9.getH());
            return new Sm2Key(kid, KeyFactory.getInstance("EC", BC).generatePrivate(
                    new ECPrivateKeySpec(new BigInteger(1, d), curve)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }
}
