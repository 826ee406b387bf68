import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * The floor for bench/issuance.sh: raw signatures per second of SM2-with-SM3 and Ed25519 with the
 * same BouncyCastle the service uses, on {@code threads} threads, over a payload of proof size.
 * Each thread has its own signer ({@link Work#prepare()} runs once per thread), initialised once.
 * Run: java -cp "target/quarkus-app/lib/main/*" bench/SignRate.java [seconds] [threads]
 */
public class SignRate {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        byte[] payload = new byte[900];
        new SecureRandom().nextBytes(payload);
        System.out.printf("SM2-SM3 %.0f signatures/s%n", rate(seconds, threads, () -> sm2(payload)));
        System.out.printf("Ed25519 %.0f signatures/s%n", rate(seconds, threads, () -> ed25519(payload)));
    }

    interface Work {
        Runnable prepare() throws Exception;
    }

    static double rate(int seconds, int threads, Work work) throws Exception {
        Thread[] ts = new Thread[threads];
        long[] counts = new long[threads];
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        for (int t = 0; t < threads; t++) {
            int id = t;
            Runnable op = work.prepare();
            ts[t] = new Thread(() -> {
                while (System.nanoTime() < warmupEnd) {
                    op.run();
                }
                long n = 0;
                while (System.nanoTime() < end) {
                    op.run();
                    n++;
                }
                counts[id] = n;
            });
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total / (double) seconds;
    }

    static Runnable sm2(byte[] payload) {
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        SecureRandom random = new SecureRandom();
        byte[] id = "1234567812345678".getBytes();
        // one signer per thread, initialised once, as the service keeps its keys' signers: generateSignature()
        // resets it to sign the next message (Z, from the key and the ID, computed once)
        SM2Signer s = new SM2Signer();
        s.init(true, new ParametersWithID(new ParametersWithRandom(pair.getPrivate(), random), id));
        return () -> {
            try {
                s.update(payload, 0, payload.length);
                s.generateSignature();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Runnable ed25519(byte[] payload) {
        Ed25519KeyPairGenerator gen = new Ed25519KeyPairGenerator();
        gen.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        Ed25519Signer s = new Ed25519Signer(); // one per thread, reset by generateSignature()
        s.init(true, pair.getPrivate());
        return () -> {
            s.update(payload, 0, payload.length);
            s.generateSignature();
        };
    }
}
