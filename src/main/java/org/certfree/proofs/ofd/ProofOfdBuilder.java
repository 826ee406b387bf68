package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.QrRenderer;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;

/**
 * Builds the unsigned A4 OFD (GB/T 33190) of a proof from the same {@link ProofDocument} the PDF prints, with its QR
 * code and the GB/T 36905 metadata ({@link OfdMetadata}) in {@code DocInfo/CustomDatas}. Every file of the package
 * is a function of the proof alone (document id from the proof number, creation date the issue date), so two builds
 * differ only in the zip's timestamps; signing adds the signing time.
 *
 * <p>Thread-safe; each build works in its own temporary folder, deleted afterwards.
 */
@ApplicationScoped
public class ProofOfdBuilder {

    /** Pixels per QR module in the embedded PNG: sharp edges when a viewer scales it. */
    private static final int QR_PIXELS_PER_MODULE = 8;

    private final QrRenderer qr;

    @Inject
    public ProofOfdBuilder(QrRenderer qr) {
        this.qr = qr;
    }

    /** An unsigned OFD and where its seal goes on page 1 (millimetres from the top left). */
    public record UnsignedOfd(byte[] bytes, double sealX, double sealY, double sealSize) {
    }

    /** The unsigned OFD of {@code proof}. */
    public UnsignedOfd build(ProofDocument proof) {
        return build(proof, null);
    }

    /**
     * The unsigned OFD of a purpose-bound copy of {@code proof}: the proof as the copy discloses it (the caller puts
     * only the disclosed content in {@code proof}), the copy's unit, purpose and expiry in the field table and as a
     * watermark over the page, and its token in the metadata. The verification code is not printed.
     */
    public UnsignedOfd buildCopy(ProofDocument proof, CopyMark copy) {
        return build(proof, Objects.requireNonNull(copy, "copy"));
    }

    private UnsignedOfd build(ProofDocument proof, CopyMark copy) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("certfree-ofd-build-");
            Path qrPng = dir.resolve("qr.png");
            Files.write(qrPng, qr.png(proof.statusPageUrl(), QR_PIXELS_PER_MODULE));
            OfdPage page = new OfdPage(OfdFont.get());
            double issuerTop = ProofOfdLayout.layOut(proof, copy, page, qrPng);
            VirtualPage virtualPage = page.render(dir);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try (OFDDoc doc = new OFDDoc(out)) {
                doc.setDefaultPageLayout(PageLayout.A4());
                describe(doc, proof, copy);
                doc.addVPage(virtualPage);
            }
            return new UnsignedOfd(out.toByteArray(), ProofOfdLayout.SEAL_X, ProofOfdLayout.sealY(issuerTop),
                    ProofOfdLayout.SEAL_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("OFD build failed for proof " + proof.proofNumber(), e);
        } finally {
            TempFolders.delete(dir);
        }
    }

    private static void describe(OFDDoc doc, ProofDocument proof, CopyMark copy) throws IOException {
        OfdMetadata metadata = OfdMetadata.of(proof);
        CustomDatas custom = new CustomDatas();
        Map<String, String> elements = new LinkedHashMap<>(metadata.elements());
        if (copy != null) {
            elements.putAll(copy.elements());
        }
        for (Map.Entry<String, String> e : elements.entrySet()) {
            custom.addCustomData(e.getKey(), e.getValue());
        }
        try {
            CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            String docKey = copy == null ? "certfree-proof:" + proof.proofNumber() : "certfree-copy:" + copy.id();
            info.setDocID(UUID.nameUUIDFromBytes(docKey.getBytes(StandardCharsets.UTF_8)))
                    .setTile((copy == null ? "电子证明 " : "电子证明（加注件） ") + proof.matterName() + " " + proof.proofNumber())
                    .setAuthor(proof.departmentName())
                    .setSubject(proof.matterName())
                    .setCreationDate(metadata.issueDate())
                    .setCreator("certfree-proofs")
                    .setCreatorVersion("1")
                    .setCustomDatas(custom);
        } catch (org.dom4j.DocumentException e) {
            throw new IOException(e);
        }
    }
}
