package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        Path dir = null;
        try {
            dir = Files.createTempDirectory("certfree-ofd-build-");
            Path qrPng = dir.resolve("qr.png");
            Files.write(qrPng, qr.png(proof.statusPageUrl(), QR_PIXELS_PER_MODULE));
            OfdPage page = new OfdPage(OfdFont.get());
            double issuerTop = ProofOfdLayout.layOut(proof, page, qrPng);
            VirtualPage virtualPage = page.render(dir);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try (OFDDoc doc = new OFDDoc(out)) {
                doc.setDefaultPageLayout(PageLayout.A4());
                describe(doc, proof);
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

    private static void describe(OFDDoc doc, ProofDocument proof) throws IOException {
        OfdMetadata metadata = OfdMetadata.of(proof);
        CustomDatas custom = new CustomDatas();
        for (Map.Entry<String, String> e : metadata.elements().entrySet()) {
            custom.addCustomData(e.getKey(), e.getValue());
        }
        try {
            CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setDocID(UUID.nameUUIDFromBytes(("certfree-proof:" + proof.proofNumber()).getBytes(StandardCharsets.UTF_8)))
                    .setTile("电子证明 " + proof.matterName() + " " + proof.proofNumber())
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
