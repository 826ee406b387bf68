package org.certfree.proofs.keys.crypto;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import org.certfree.proofs.keys.KeyAlgorithm;

/**
 * Single-thread signing and verification rates, raw and as compact JWS (Nimbus + our signers). Not a
 * test (no timing assertions): run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.certfree.proofs.keys.crypto.SignatureRates}
 * after {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}.
 */
public final class SignatureRates {

    private SignatureRates() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] message = ("{\"proofNumber\":\"BZ2024-000123-7\",\"matter\":\"无犯罪记录证明\",\"subject\":\"张三\","
                + "\"issuedAt\":\"2024-05-01T08:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            RawKeyPair pair = Signatures.generate(alg);
            Signatures.Signer signer = Signatures.signer(alg, pair.privateKey(), pair.publicKey());
            Signatures.Verifier verifier = Signatures.verifier(alg, pair.publicKey());
            byte[] signature = signer.sign(message);
            var jwsSigner = JoseAdapters.signer(alg, signer);
            var jwsVerifier = JoseAdapters.verifier(alg, verifier);
            JWSHeader header = new JWSHeader.Builder(JoseAdapters.jwsAlgorithm(alg)).keyID("k").customParam("iat", 1L).build();
            JWSObject signed = new JWSObject(header, new Payload(message));
            signed.sign(jwsSigner);
            String compact = signed.serialize();

            double sign = rate(seconds, () -> signer.sign(message));
            double verify = rate(seconds, () -> {
                if (!verifier.verify(message, signature)) {
                    throw new IllegalStateException();
                }
            });
            double jwsSign = rate(seconds, () -> {
                JWSObject o = new JWSObject(header, new Payload(message));
                o.sign(jwsSigner);
                o.serialize();
            });
            double jwsVerify = rate(seconds, () -> {
                if (!JWSObject.parse(compact).verify(jwsVerifier)) {
                    throw new IllegalStateException();
                }
            });
            System.out.printf("%-8s raw sign %8.0f/s  raw verify %8.0f/s  JWS sign %8.0f/s  JWS parse+verify %8.0f/s%n",
                    alg.jwsAlg(), sign, verify, jwsSign, jwsVerify);
        }
    }

    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }

    private static double rate(double seconds, Op op) throws Exception {
        long warm = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warm) {
            op.run();
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            op.run();
            n++;
        } while ((now = System.nanoTime()) < end);
        return n / ((now - start) / 1e9);
    }
}
