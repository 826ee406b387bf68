package org.certfree.proofs.ofd;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.certfree.proofs.proof.render.ProofDocument;

/**
 * The electronic licence metadata of GB/T 36905 (电子证照 元数据规范) that an OFD proof carries in its
 * {@code DocInfo/CustomDatas}, under the standard's Chinese element names, so archives and licence systems read the
 * proof without parsing its page. The holder is printed as given: masking is the caller's decision.
 *
 * @param name             证照名称: the matter name
 * @param typeCode         证照类型代码: the matter code
 * @param number           证照编号: the proof number
 * @param identifier       证照标识: issuer code, matter code and number, unique across the prefecture
 * @param issuer           证照颁发机构
 * @param issuerCode       证照颁发机构代码
 * @param issueDate        证照颁发日期 (Beijing date)
 * @param holder           持证主体, as given
 * @param holderIdentifier 持证主体代码, as given
 */
public record OfdMetadata(String name, String typeCode, String number, String identifier, String issuer,
        String issuerCode, LocalDate issueDate, String holder, String holderIdentifier) {

    static final String NAME = "证照名称";
    static final String TYPE_CODE = "证照类型代码";
    static final String NUMBER = "证照编号";
    static final String IDENTIFIER = "证照标识";
    static final String ISSUER = "证照颁发机构";
    static final String ISSUER_CODE = "证照颁发机构代码";
    static final String ISSUE_DATE = "证照颁发日期";
    static final String HOLDER = "持证主体";
    static final String HOLDER_IDENTIFIER = "持证主体代码";

    public OfdMetadata {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(typeCode, "typeCode");
    }

    /** The metadata of a proof's document, exactly as the page prints it. */
    public static OfdMetadata of(ProofDocument proof) {
        return new OfdMetadata(proof.matterName(), proof.matterCode(), proof.proofNumber(),
                proof.departmentCode() + "-" + proof.matterCode() + "-" + proof.proofNumber(), proof.departmentName(),
                proof.departmentCode(), proof.issuedAt().atZone(ProofDocument.DISPLAY_ZONE).toLocalDate(),
                proof.subjectName(), proof.subjectIdentifierMasked());
    }

    /** The elements in their written order. */
    Map<String, String> elements() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(NAME, name);
        out.put(TYPE_CODE, typeCode);
        out.put(NUMBER, number);
        out.put(IDENTIFIER, identifier);
        out.put(ISSUER, issuer);
        out.put(ISSUER_CODE, issuerCode);
        out.put(ISSUE_DATE, issueDate == null ? null : issueDate.toString());
        out.put(HOLDER, holder);
        out.put(HOLDER_IDENTIFIER, holderIdentifier);
        return out;
    }

    /** Reads the metadata back from the custom data of a document; absent elements are null. */
    static OfdMetadata from(Map<String, String> data) {
        String date = data.get(ISSUE_DATE);
        return new OfdMetadata(data.get(NAME), data.get(TYPE_CODE), data.get(NUMBER), data.get(IDENTIFIER),
                data.get(ISSUER), data.get(ISSUER_CODE), date == null ? null : LocalDate.parse(date), data.get(HOLDER),
                data.get(HOLDER_IDENTIFIER));
    }
}
