import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certfree.proofs.ofd.DemoSealImage;
import org.certfree.proofs.ofd.OfdSealSigner;
import org.certfree.proofs.ofd.OfdTrust;
import org.certfree.proofs.ofd.OfdVerification;
import org.certfree.proofs.ofd.OfdVerifier;
import org.certfree.proofs.ofd.ProofOfdBuilder;
import org.certfree.proofs.ofd.SafeUnzip;
import org.certfree.proofs.ofd.SealMaker;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.SigningKeyRef;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.certfree.proofs.proof.render.ProofDocument.SubjectKind;
import org.certfree.proofs.proof.render.QrRenderer;

/**
 * OFD proofs on one thread, against raw SM2-SM3 signing measured in the same run (the floor: what the seal's one
 * signature costs with no document around it): build (unsigned OFD), build + seal, and verify an upload (our
 * unzip, ofdrw's checks, our trust checks). Each after its own warm-up; mean wall time and the thread's CPU time
 * per operation (what a loaded machine changes least), the signed size, and the JVM's RSS and heap at the end.
 * Run through bench/ofd.sh.
 */
public class OfdBench {

    static final Provider BC = new BouncyCastleProvider();
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant until = Instant.parse("2035-01-01T00:00:00Z");
        KeyPair rootKey = sm2();
        X509Certificate root = cert("CN=Bench Root", rootKey, "CN=Bench Root", rootKey, true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, from, until);
        KeyPair signerKey = sm2();
        X509Certificate signer = cert("CN=Bench Department", signerKey, "CN=Bench Root", rootKey, false,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, from, until);
        KeyPair makerKey = sm2();
        X509Certificate maker = cert("CN=Bench Seal Maker", makerKey, "CN=Bench Root", rootKey, false,
                KeyUsage.digitalSignature, from, until);
        byte[] seal = SealMaker.make(new SealMaker.SealSpec("5119000000001", "巴中市公安局电子证明专用章",
                DemoSealImage.png("巴中市公安局", "电子证明专用章"), 40, 40, List.of(signer), from, until),
                makerKey.getPrivate(), maker, from);
        var identity = new OfdSealSigner.SealIdentity(signerKey.getPrivate(), List.of(signer, root), seal);
        Set<TrustAnchor> roots = Set.of(new TrustAnchor(root, null));
        OfdVerifier verifier = new OfdVerifier(new OfdTrust(roots, roots, List.of(), OfdTrust.RevocationLookup.NONE),
                SafeUnzip.Limits.DEFAULT);
        ProofOfdBuilder builder = new ProofOfdBuilder(new QrRenderer());
        ProofDocument proof = sample();
        Instant signedAt = Instant.parse("2025-03-07T01:05:30Z");

        byte[] message = new byte[1024];
        Signature sm2 = Signature.getInstance("SM3withSM2", BC);
        Result raw = measure("raw SM2-SM3 sign (1 kB)", warmup, seconds, () -> {
            try {
                sm2.initSign(signerKey.getPrivate());
                sm2.update(message);
                return sm2.sign();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Result build = measure("OFD build (unsigned)", warmup, seconds, () -> builder.build(proof).bytes());
        Result sealed = measure("OFD build + seal", warmup, seconds,
                () -> OfdSealSigner.seal(builder.build(proof), identity, signedAt));
        byte[] ofd = OfdSealSigner.seal(builder.build(proof), identity, signedAt);
        OfdVerification check = verifier.verify(ofd);
        if (!check.passed()) {
            throw new IllegalStateException("the bench's OFD does not verify: " + check.message());
        }
        Result verify = measure("OFD verify (upload)", warmup, seconds, () -> {
            if (!verifier.verify(ofd).passed()) {
                throw new IllegalStateException("verification failed");
            }
            return ofd;
        });
        System.out.println();
        for (Result r : List.of(raw, build, sealed, verify)) {
            System.out.printf("%-26s %9.3f ms wall %9.3f ms CPU %9.1f /s  %6.2f %% of raw SM2  (%d bytes)%n", r.name,
                    r.millis, r.cpuMillis, 1000 / r.millis, 100 * raw.millis / r.millis, r.bytes);
        }
        System.out.printf("seal only (build + seal − build): %.3f ms wall, %.3f ms CPU%n", sealed.millis - build.millis,
                sealed.cpuMillis - build.cpuMillis);
        System.out.printf("signed OFD: %d bytes; seal (.esl): %d bytes%n", ofd.length, seal.length);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("JVM after the run: RSS %s, heap used %d MB of %d MB committed (max %d MB)%n", rss(),
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, rt.maxMemory() >> 20);
    }

    record Result(String name, double millis, double cpuMillis, long bytes) {
    }

    static Result measure(String name, double warmup, double seconds, Supplier<byte[]> work) {
        long warm = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warm) {
            work.get();
        }
        long n = 0;
        long bytes = 0;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            bytes = work.get().length;
            n++;
        }
        double wall = (System.nanoTime() - start) / 1e6 / n;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
        System.out.printf("%s: %d runs%n", name, n);
        return new Result(name, wall, cpu, bytes);
    }

    static String rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).trim();
            }
        }
        return "?";
    }

    static KeyPair sm2() throws Exception {
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECNamedCurveParameterSpec("sm2p256v1", x9.getCurve(), x9.getG(), x9.getN(), x9.getH()));
        return g.generateKeyPair();
    }

    static X509Certificate cert(String subject, KeyPair key, String issuer, KeyPair issuerKey, boolean ca, int usage,
            Instant from, Instant until) throws Exception {
        var b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
                Date.from(from), Date.from(until), new X500Name(subject), key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        return new JcaX509CertificateConverter().setProvider(BC)
                .getCertificate(b.build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(BC).build(issuerKey.getPrivate())));
    }

    /** The proof PdfRendererTest and bench/PdfRender.java use: a valid 无犯罪记录证明 with two claims. */
    static ProofDocument sample() {
        return new ProofDocument("BZ2025-GAJ-7KXR9TDF4M2QH", "K7M4Q9", "GA-ZM-0007", "无犯罪记录证明", 2, "BZGAJ",
                "巴中市公安局", SubjectKind.PERSON, "张*华", "511902**********34",
                List.of(new Claim("查询期间", "2015年3月7日至2025年3月7日"),
                        new Claim("查询结果", "经查询巴中市公安机关违法犯罪人员信息系统，未发现该人员有犯罪记录。")),
                "办理出国（境）签证", Instant.parse("2025-03-07T01:05:00Z"), Instant.parse("2025-06-05T01:05:00Z"),
                Status.VALID, "https://zwfw.bazhong.gov.cn/verify?n=BZ2025-GAJ-7KXR9TDF4M2QH&c=K7M4Q9",
                List.of(new SigningKeyRef("q1uJ4m1yF2oFQzmr0dYy3oQ7Vqf6m6bJ9q3Ff1cQpW8", "SM2SM3"),
                        new SigningKeyRef("Zt5Qb0hP9Xw2Lr8Nc4Kd7Js1Ty6Vm3Ha0Ue5Go2Fi9E", "EdDSA")));
    }
}
