package org.certfree.proofs.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.render.PdfRenderer;
import org.certfree.proofs.proof.render.PledgePrint;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.QrRenderer;
import org.certfree.proofs.system.http.PublicBaseUrl;

/** The QR code and printable PDF of a proof, for the callers entitled to its full view. */
@ApplicationScoped
public class ProofRendering {

    @Inject
    QrRenderer qr;

    @Inject
    PdfRenderer pdf;

    @Inject
    PublicBaseUrl baseUrl;

    @Inject
    ObjectMapper json;

    /** The URL the QR code carries: the status page with number and code, short enough for paper. */
    public String statusPageUrl(ProofView p) {
        return statusPageUrl(p.number(), p.verificationCode());
    }

    /** The status page of proof {@code number}; with {@code code} when given (a copy's page prints none). */
    public String statusPageUrl(String number, String code) {
        return baseUrl.get() + "/verify?n=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + (code == null ? "" : "&c=" + code);
    }

    public byte[] qrPng(ProofView p) {
        return qr.png(statusPageUrl(p), 8);
    }

    public String qrSvg(ProofView p) {
        return qr.svg(statusPageUrl(p));
    }

    public byte[] pdf(ProofView p) {
        return pdf.render(document(p));
    }

    /** What a printable form (PDF, OFD) shows of {@code p}: its full view, as the caller is entitled to it. */
    public ProofDocument document(ProofView p) {
        List<ProofDocument.Claim> claims = new ArrayList<>();
        for (Map.Entry<String, String> c : p.claims().entrySet()) {
            claims.add(new ProofDocument.Claim(c.getKey(), c.getValue()));
        }
        ProofDocument doc = new ProofDocument(p.number(), p.verificationCode(), p.matter().code(), p.matter().name(),
                p.matter().version(), p.issuer().code(), p.issuer().name(),
                p.subject().kind() == SubjectKind.PERSON ? ProofDocument.SubjectKind.PERSON : ProofDocument.SubjectKind.ENTERPRISE,
                p.subject().name(), masked(p), claims, p.purpose(), p.issuedAt(), p.validUntil(),
                ProofDocument.Status.valueOf(p.status().name()), statusPageUrl(p), signingKeys(p));
        return doc;
    }

    /** The printed pledge document: {@code print} is made by the commitment feature from the pledge and this document. */
    public byte[] pledgePdf(PledgePrint print) {
        return pdf.renderPledge(print);
    }

    /** The subject's identifier as printed: masked. */
    public static String masked(ProofView p) {
        return p.subject().kind() == SubjectKind.PERSON
                ? org.certfree.proofs.common.ResidentId.mask(p.subject().id())
                : org.certfree.proofs.common.Masking.uscc(p.subject().id());
    }

    /** kid and alg of each signature, read from the JSON serialization's protected headers. */
    public List<ProofDocument.SigningKeyRef> signingKeys(ProofView p) {
        return signingKeys(p.jwsJson());
    }

    /** kid and alg of each signature of a JWS in the general JSON (or the stored detached) serialization. */
    public List<ProofDocument.SigningKeyRef> signingKeys(String jwsJson) {
        List<ProofDocument.SigningKeyRef> refs = new ArrayList<>();
        try {
            for (JsonNode sig : json.readTree(jwsJson).path("signatures")) {
                JsonNode header = json.readTree(Base64.getUrlDecoder().decode(sig.path("protected").asText()));
                refs.add(new ProofDocument.SigningKeyRef(header.path("kid").asText(), header.path("alg").asText()));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("stored JWS of a proof is unreadable", e);
        }
        return refs;
    }
}
